using System.Diagnostics;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>Pooled chDB connections run requests in parallel.</summary>
public sealed class ConcurrencyTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Two_slow_queries_run_at_the_same_time()
    {
        var clock = Stopwatch.StartNew();
        async Task<(double Start, double End)> SlowAsync()
        {
            await using var connection = await db.OpenConnectionAsync();
            var start = clock.Elapsed.TotalSeconds;
            await connection.ExecuteScalarAsync<int>("SELECT sleep(1.5)");
            return (start, clock.Elapsed.TotalSeconds);
        }

        var runs = await Task.WhenAll(SlowAsync(), SlowAsync());

        // Run one after the other, they would not overlap at all; sleeping needs no CPU, so a busy machine barely
        // shortens the overlap (a wall-clock limit on the pair failed on a loaded 2-core machine).
        var overlap = runs.Min(r => r.End) - runs.Max(r => r.Start);
        Assert.True(overlap > 1.0, $"the two queries overlapped for {overlap:0.00} s only");
    }

    [Fact]
    public async Task Many_small_queries_in_parallel_all_answer_correctly()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var connection = await db.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("SELECT {i:Int32} * 2", new Dictionary<string, object> { ["i"] = i });
        }));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 2), results);
    }
}
