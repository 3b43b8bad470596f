using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>Errors reach the client as ClickHouseServerException with ClickHouse's code, before or during an answer.</summary>
public sealed class ErrorTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Theory]
    [InlineData("SELEC 1", 62)]
    [InlineData("SELECT * FROM no_such_table", 60)]
    [InlineData("SELECT no_such_function(1)", 46)]
    [InlineData("SELECT throwIf(1, 'boom')", 395)]
    [InlineData("SELECT 1; SELECT 2", 62)]
    [InlineData("   -- nothing but a comment", 62)]
    [InlineData("CREATE TABLE x (a UInt8) ENGINE = NoSuchEngine", 56)]
    public async Task Error_code_reaches_the_client(string sql, int code)
    {
        await using var connection = await db.OpenConnectionAsync();
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => connection.ExecuteAsync(sql));
        Assert.Equal(code, error.ErrorCode);
        Assert.StartsWith($"Code: {code}. DB::Exception:", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Theory]
    [MemberData(nameof(AnswerEncodings.All), MemberType = typeof(AnswerEncodings))]
    public async Task Error_after_the_answer_started_is_read_from_the_stream(string? acceptEncoding)
    {
        var builder = new ClickHouseConnectionStringBuilder(db.ConnectionString) { Compression = acceptEncoding is not null };
        if (acceptEncoding is not null)
            builder.AcceptEncoding = acceptEncoding;
        await using var connection = new ClickHouseConnection(builder.ConnectionString);
        await using var command = connection.CreateCommand();
        // Several megabytes of rows go out before the failing block is computed.
        command.CommandText = "SELECT number, throwIf(number = 2500000, 'failed mid-stream') FROM numbers(3000000) SETTINGS max_block_size = 65536";
        var rows = 0;
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(async () =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows++;
        });
        Assert.Equal(395, error.ErrorCode);
        Assert.Contains("failed mid-stream", error.Message, StringComparison.Ordinal);
        Assert.InRange(rows, 1, 2_500_000);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task Small_answer_with_a_late_error_gets_an_error_status_not_partial_rows()
    {
        await using var connection = await db.OpenConnectionAsync();
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() =>
            connection.QueryAsync<ulong>("SELECT throwIf(number = 9000, 'late') FROM numbers(10000) SETTINGS max_block_size = 1000"));
        Assert.Equal(395, error.ErrorCode);
    }

    [Fact]
    public async Task Same_query_id_twice_at_once_is_refused()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        var queryId = Guid.NewGuid().ToString();
        var marker = Guid.NewGuid().ToString("N");
        var slow = client.ExecuteScalarAsync($"SELECT sleep(3), '{marker}'", options: new QueryOptions { QueryId = queryId });
        // Only once the first one is running (a fixed delay was not always enough on a busy machine).
        await using var connection = await db.OpenConnectionAsync();
        await Poll.UntilAsync("the first query to start", TimeSpan.FromSeconds(2.5), async () => await connection.ExecuteScalarAsync<ulong>(
            $"SELECT count() FROM system.processes WHERE query LIKE '%{marker}%' AND query NOT LIKE '%system.processes%'") > 0);
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() =>
            client.ExecuteScalarAsync("SELECT 1", options: new QueryOptions { QueryId = queryId }));
        Assert.Equal(216, error.ErrorCode);
        await slow;
    }
}
