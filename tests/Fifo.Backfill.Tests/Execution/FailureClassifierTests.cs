using System.Net.Http;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Backfill.Execution;
using Fifo.ClickHouse.Engine;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Backfill.Tests.Execution;

public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData(241, FailureKind.TooBig)]     // MEMORY_LIMIT_EXCEEDED
    [InlineData(159, FailureKind.TooBig)]     // TIMEOUT_EXCEEDED
    [InlineData(396, FailureKind.TooBig)]     // TOO_MANY_ROWS_OR_BYTES
    [InlineData(210, FailureKind.Transient)]  // NETWORK_ERROR
    [InlineData(202, FailureKind.Transient)]  // TOO_MANY_SIMULTANEOUS_QUERIES
    [InlineData(394, FailureKind.Transient)]  // QUERY_WAS_CANCELLED by someone else
    [InlineData(62, FailureKind.Permanent)]   // SYNTAX_ERROR
    [InlineData(60, FailureKind.Permanent)]   // UNKNOWN_TABLE
    public void ClickHouse_errors_are_sorted_by_code(int code, FailureKind expected) =>
        Assert.Equal(expected, FailureClassifier.Classify(ServerError(code)));

    [Fact]
    public void Transport_errors_are_transient()
    {
        Assert.Equal(FailureKind.Transient, FailureClassifier.Classify(new HttpRequestException("connection refused")));
        Assert.Equal(FailureKind.Transient, FailureClassifier.Classify(new IOException("connection reset")));
    }

    [Fact]
    public async Task The_clients_own_timeout_splits_the_batch_and_its_query_may_still_run()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        using var client = new ClickHouseClient(new ClickHouseClientSettings(db.ConnectionString) { Timeout = TimeSpan.FromSeconds(1) });
        await using var connection = client.CreateConnection();

        var timeout = await Record.ExceptionAsync(() => connection.ExecuteScalarAsync(
            "SELECT sum(sleepEachRow(0.5)) FROM numbers(20) SETTINGS max_block_size = 1"));

        Assert.NotNull(timeout);
        Assert.Equal(FailureKind.TooBig, FailureClassifier.Classify(timeout));
        Assert.True(FailureClassifier.MayStillRun(timeout));
        Assert.True(FailureClassifier.MayStillRun(new HttpRequestException("connection reset")));
        Assert.False(FailureClassifier.MayStillRun(new InvalidOperationException("batch failed", ServerError(241))));
    }

    [Fact]
    public void Fills_changing_under_a_whales_batch_are_transient() =>
        Assert.Equal(FailureKind.Transient, FailureClassifier.Classify(new WalletFillsChangedException("0xabc")));

    [Fact]
    public void A_wrapped_error_is_sorted_by_its_cause() =>
        Assert.Equal(FailureKind.TooBig,
            FailureClassifier.Classify(new InvalidOperationException("batch failed", ServerError(241))));

    [Fact]
    public void Anything_else_is_permanent() =>
        Assert.Equal(FailureKind.Permanent, FailureClassifier.Classify(new FormatException("bad payout")));

    private static ClickHouseServerException ServerError(int code) =>
        ClickHouseServerException.FromServerResponse($"Code: {code}. DB::Exception: something. (NAME)", "SELECT 1");
}
