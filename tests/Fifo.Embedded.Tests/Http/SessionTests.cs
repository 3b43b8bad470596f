using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>session_id pins a chDB connection: temporary tables and SET last between the session's requests.</summary>
public sealed class SessionTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private ClickHouseConnection NewSession() =>
        new(new ClickHouseConnectionStringBuilder(db.ConnectionString) { UseSession = true, SessionId = Guid.NewGuid().ToString() }.ConnectionString);

    [Fact]
    public async Task Temporary_table_lives_through_the_session_and_only_there()
    {
        await using var session = NewSession();
        await session.ExecuteAsync("CREATE TEMPORARY TABLE scratch (x UInt32)");
        await session.ExecuteAsync("INSERT INTO scratch (x) VALUES (1), (2), (3)");
        Assert.Equal(6UL, await session.ExecuteScalarAsync<ulong>("SELECT sum(x) FROM scratch"));

        await using var other = NewSession();
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => other.ExecuteScalarAsync<ulong>("SELECT sum(x) FROM scratch"));
        Assert.Equal(60, error.ErrorCode);
        await using var plain = await db.OpenConnectionAsync();
        await Assert.ThrowsAsync<ClickHouseServerException>(() => plain.ExecuteScalarAsync<ulong>("SELECT sum(x) FROM scratch"));
    }

    [Fact]
    public async Task Set_lasts_in_the_session_but_url_settings_do_not()
    {
        await using var session = NewSession();
        await session.ExecuteAsync("SET max_block_size = 777");
        Assert.Equal("777", await session.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_block_size'))"));

        await using (var command = session.CreateCommand())
        {
            command.CommandText = "SELECT toString(getSetting('max_block_size'))";
            command.CustomSettings["max_block_size"] = 555;
            Assert.Equal("555", await command.ExecuteScalarAsync());
        }
        Assert.Equal("777", await session.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_block_size'))"));

        await using var plain = await db.OpenConnectionAsync();
        for (var i = 0; i < 8; i++)
            Assert.NotEqual("777", await plain.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_block_size'))"));
    }

    [Fact]
    public async Task Session_ends_after_its_idle_timeout()
    {
        await using var session = NewSession();
        await using (var command = session.CreateCommand())
        {
            command.CommandText = "CREATE TEMPORARY TABLE short_lived (x UInt8)";
            command.CustomSettings["session_timeout"] = 1;
            await command.ExecuteNonQueryAsync();
        }
        Assert.Equal(0UL, await session.ExecuteScalarAsync<ulong>("SELECT count() FROM short_lived"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => session.ExecuteScalarAsync<ulong>("SELECT count() FROM short_lived"));
        Assert.Equal(60, error.ErrorCode);
    }

    [Fact]
    public async Task Bulk_insert_into_a_temporary_table_of_the_session()
    {
        await using var session = NewSession();
        await session.ExecuteAsync("CREATE TEMPORARY TABLE staged (id UInt64, name String)");
        using var client = new ClickHouseClient(session.ConnectionString);
        await client.InsertBinaryAsync("staged", ["id", "name"], Enumerable.Range(0, 1000).Select(i => new object[] { (ulong)i, $"n{i}" }));
        Assert.Equal(1000UL, await session.ExecuteScalarAsync<ulong>("SELECT count() FROM staged"));
    }
}
