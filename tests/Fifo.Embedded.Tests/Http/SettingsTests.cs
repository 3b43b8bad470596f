using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>URL settings apply to their own request only, although requests share pooled chDB connections.</summary>
public sealed class SettingsTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Setting_applies_to_its_request_and_does_not_leak_to_the_next()
    {
        await using var connection = await db.OpenConnectionAsync();
        var defaultValue = await connection.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_block_size'))");

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT toString(getSetting('max_block_size'))";
            command.CustomSettings["max_block_size"] = 1234;
            Assert.Equal("1234", await command.ExecuteScalarAsync());
        }

        // More requests than pooled connections, so every connection is seen.
        for (var i = 0; i < 12; i++)
            Assert.Equal(defaultValue, await connection.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_block_size'))"));
    }

    [Fact]
    public async Task Set_statement_outside_a_session_lasts_for_its_request_only()
    {
        await using var connection = await db.OpenConnectionAsync();
        var defaultValue = await connection.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_threads'))");
        await connection.ExecuteAsync("SET max_threads = 1");
        for (var i = 0; i < 12; i++)
            Assert.Equal(defaultValue, await connection.ExecuteScalarAsync<string>("SELECT toString(getSetting('max_threads'))"));
    }

    [Fact]
    public async Task Undoing_a_set_statement_keeps_the_settings_chdb_gives_every_connection()
    {
        await using var connection = await db.OpenConnectionAsync();
        const string changed = "SELECT arrayStringConcat(groupArray(name || '=' || value), ',') FROM " +
                               "(SELECT name, value FROM system.settings WHERE changed AND name NOT LIKE '%json_as_string' ORDER BY name)";
        var before = await connection.ExecuteScalarAsync<string>(changed);
        Assert.Contains("implicit_select=1", before, StringComparison.Ordinal);
        await connection.ExecuteAsync("SET implicit_select = 0, max_threads = 1");
        for (var i = 0; i < 12; i++)
            Assert.Equal(before, await connection.ExecuteScalarAsync<string>(changed));
    }

    [Fact]
    public async Task Use_statement_outside_a_session_does_not_move_later_requests()
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("USE system");
        for (var i = 0; i < 12; i++)
            Assert.Equal(db.Database, await connection.ExecuteScalarAsync<string>("SELECT currentDatabase()"));
    }

    /// <summary>
    /// readonly=1 is how a client asks for a read-only request (as ClickHouse's own HTTP interface honours it); once set
    /// on a chDB connection it refuses the SET that would undo it, so the connection it ran on must not serve others.
    /// </summary>
    [Fact]
    public async Task Readonly_request_cannot_write_and_leaves_later_requests_writable()
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE readonly_probe (x UInt8) ENGINE = MergeTree ORDER BY x");

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO readonly_probe (x) VALUES (1)";
            command.CustomSettings["readonly"] = 1;
            var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(164, error.ErrorCode); // READONLY
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count() FROM readonly_probe";
            command.CustomSettings["readonly"] = 1;
            Assert.Equal(0UL, await command.ExecuteScalarAsync());
        }

        // More requests than pooled connections, so every connection is seen.
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal("0", await connection.ExecuteScalarAsync<string>("SELECT toString(getSetting('readonly'))"));
            await connection.ExecuteAsync("INSERT INTO readonly_probe (x) VALUES (2)");
        }
        Assert.Equal(12UL, await connection.ExecuteScalarAsync<ulong>("SELECT count() FROM readonly_probe"));
    }

    [Fact]
    public async Task Unknown_setting_is_a_server_error_with_its_code()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        command.CustomSettings["no_such_setting_anywhere"] = 1;
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => command.ExecuteScalarAsync());
        Assert.Equal(115, error.ErrorCode);
        Assert.Equal(1UL, await connection.ExecuteScalarAsync<ulong>("SELECT 1"));
    }

    [Fact]
    public async Task Max_execution_time_stops_a_slow_query()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => client.ExecuteScalarAsync(
            "SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sleepEachRow(0.000001))",
            options: new QueryOptions { MaxExecutionTime = TimeSpan.FromSeconds(1) }));
        Assert.Equal(159, error.ErrorCode);
        Assert.InRange(started.Elapsed.TotalSeconds, 0.5, 10);
    }
}
