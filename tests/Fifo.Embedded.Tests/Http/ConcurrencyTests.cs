using System.Diagnostics;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>Pooled chDB connections run requests in parallel.</summary>
public sealed class ConcurrencyTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Two_slow_queries_take_about_as_long_as_one()
    {
        async Task SlowAsync()
        {
            await using var connection = await db.OpenConnectionAsync();
            await connection.ExecuteScalarAsync<int>("SELECT sleep(1.5)");
        }

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(SlowAsync(), SlowAsync());
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.4, 2.6);
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
