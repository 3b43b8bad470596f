using System.Diagnostics;
using ClickHouse.Driver;
using Dapper;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>A cancelled request stops its statement inside chDB; KILL QUERY by the client's query id works too.</summary>
public sealed class CancellationTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    /// <summary>Runs for hours; the marker makes it findable in system.processes.</summary>
    private static string EndlessQuery(string marker) =>
        $"SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sleepEachRow(0.000001), '{marker}')";

    [Fact]
    public async Task Cancelled_token_stops_a_long_query_and_the_engine_stays_usable()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        var queryId = $"cancel-{Guid.NewGuid()}";
        var marker = Guid.NewGuid().ToString("N");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.ExecuteScalarAsync(EndlessQuery(marker), options: new QueryOptions { QueryId = queryId }, cancellationToken: cancellation.Token));
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.4, 5);

        await using var connection = await db.OpenConnectionAsync();
        await Poll.UntilAsync("the cancelled query to leave system.processes", TimeSpan.FromSeconds(5), async () =>
            await connection.ExecuteScalarAsync<ulong>(
                $"SELECT count() FROM system.processes WHERE query LIKE '%{marker}%' AND query NOT LIKE '%system.processes%'") == 0);
        // Every pooled connection still answers.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var c = await db.OpenConnectionAsync();
            return await c.ExecuteScalarAsync<int>("SELECT 7");
        }));
        Assert.All(answers, a => Assert.Equal(7, a));
    }

    [Theory]
    [InlineData("KILL QUERY WHERE query_id = {id:String} SYNC")]
    [InlineData("-- a .sql file's header\n/* and a block */ KILL QUERY WHERE query_id = {id:String} SYNC")]
    public async Task Kill_query_by_the_clients_query_id_stops_it_on_another_connection(string kill)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        var queryId = $"kill-{Guid.NewGuid()}";
        var running = client.ExecuteScalarAsync(EndlessQuery(Guid.NewGuid().ToString("N")), options: new QueryOptions { QueryId = queryId });
        await Task.Delay(500);

        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(kill, new Dictionary<string, object> { ["id"] = queryId });

        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => running).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(394, error.ErrorCode);
    }
}
