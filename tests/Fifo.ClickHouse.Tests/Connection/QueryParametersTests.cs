using ClickHouse.Driver;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Reports;
using Fifo.ClickHouse.Sql;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Connection;

/// <summary>
/// ClickHouse's <c>{name:Type}</c> placeholders with parameter objects: Dapper alone drops every member the SQL does
/// not mention as <c>@name</c>, so the data layer must pass them through <see cref="QueryParameters"/>.
/// </summary>
public sealed class QueryParametersTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private const string EchoSql = "SELECT {text:String} AS Text, {count:UInt32} AS Count, length({wallets:Array(String)}) AS Wallets";
    private const string Hostile = "o'brien \\ \"quoted\"\nnew line, ünïcødé {text:String} @text";
    private const int UnknownQueryParameter = 456;

    private static object Values => new { text = Hostile, count = 7u, wallets = new[] { "0xa", "0xb'" } };

    [Fact]
    public async Task Dapper_alone_leaves_the_placeholders_unset()
    {
        await using var connection = await db.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => connection.QuerySingleAsync<Echo>(EchoSql, Values));

        Assert.Equal(UnknownQueryParameter, error.ErrorCode);
    }

    [Fact]
    public async Task From_sends_every_member_unchanged()
    {
        await using var connection = await db.OpenConnectionAsync();

        var echo = await connection.QuerySingleAsync<Echo>(EchoSql, QueryParameters.From(Values));

        Assert.Equal(new Echo(Hostile, 7, 2), echo);
    }

    [Fact]
    public async Task Report_queries_take_plain_parameter_objects()
    {
        await using var services = FifoClickHouseServices.Create(db);
        var queries = new ReportQueries(
            services.GetRequiredService<ClickHouseConnectionFactory>(), services.GetRequiredService<SqlScripts>());

        var rows = await queries.QuerySqlAsync<Echo>(EchoSql, Values, CancellationToken.None);

        Assert.Equal([new Echo(Hostile, 7, 2)], rows);
    }

    private sealed record Echo(string Text, uint Count, ulong Wallets);
}
