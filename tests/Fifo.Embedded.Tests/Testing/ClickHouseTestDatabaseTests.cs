using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Embedded.Tests.Testing;

/// <summary>The shared fixture other test projects use: its own database, configuration and services.</summary>
public sealed class ClickHouseTestDatabaseTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Services_reach_the_engine_through_the_configured_endpoint()
    {
        await using var services = db.CreateServices((s, config) => s.Configure<ClickHouseOptions>(config.GetSection(ClickHouseOptions.Section)));
        var endpoint = services.GetRequiredService<IClickHouseEndpoint>();
        Assert.False(endpoint.IsEmbedded);
        Assert.Equal(db.Database, services.GetRequiredService<IOptions<ClickHouseOptions>>().Value.Database);

        var builder = new ClickHouseConnectionStringBuilder(await endpoint.GetConnectionStringAsync()) { Database = db.Database };
        await using var connection = new ClickHouseConnection(builder.ConnectionString);
        Assert.Equal(db.Database, await connection.ExecuteScalarAsync<string>("SELECT currentDatabase()"));
    }

    [Fact]
    public async Task Each_created_database_is_new_and_empty_and_dropped_on_dispose()
    {
        string name;
        await using (var other = await ClickHouseTestDatabase.CreateAsync())
        {
            name = other.Database;
            Assert.NotEqual(db.Database, name);
            await using var connection = await other.OpenConnectionAsync();
            Assert.Equal(0UL, await connection.ExecuteScalarAsync<ulong>("SELECT count() FROM system.tables WHERE database = currentDatabase()"));
        }
        await using var check = await db.OpenConnectionAsync();
        Assert.Equal(0UL, await check.ExecuteScalarAsync<ulong>("SELECT count() FROM system.databases WHERE name = {n:String}",
            new Dictionary<string, object> { ["n"] = name }));
    }
}
