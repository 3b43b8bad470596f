using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;
using Fifo.Core.Planning;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Fifo.Backfill.Tests.Support;
using Xunit;

namespace Fifo.Backfill.Tests.Runs;

public sealed class BackfillStoreTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_run_and_its_batches_read_back_as_their_newest_rows_with_totals()
    {
        await using var services = await BackfillServices.CreateAsync(db);
        var store = services.GetRequiredService<BackfillStore>();
        var clock = services.GetRequiredService<RevisionClock>();
        var started = new DateTimeOffset(2025, 1, 14, 9, 30, 12, 345, TimeSpan.Zero);
        var run = new RunRecord("run-store-1", clock.Next(), RunState.Running, BackfillMode.Incremental, started, null,
            started.AddSeconds(5), TimeSpan.FromMilliseconds(1500), "host/1/2/abc", 3, 1000, WalletRange.Parse("0-3"),
            new BackfillRequest(BackfillMode.Incremental, 3, 1000, WalletRange.Parse("0-3")),
            new Dictionary<string, string> { ["max_threads"] = "2" }, "run-0",
            new HighWaterMarks("{\"all\":12}", "{\"all\":3}"), null);
        var span1 = new WalletSpan("0x01", "0x02", 2, 300);
        var span2 = new WalletSpan("0x03", "0x03", 1, 900);
        BatchRecord Batch(int no, WalletSpan span, BatchState state, long rows = 0, int retries = 0) =>
            new("run-store-1", no, clock.Next(), span, state, Attempts: state == BatchState.Pending ? 0 : 1, retries,
                LotsVersion: 77, rows, state == BatchState.Succeeded ? TimeSpan.FromMilliseconds(250) : null,
                started, state == BatchState.Succeeded ? started.AddSeconds(1) : null,
                state == BatchState.Failed ? "Code: 241. boom" : null);

        await store.AppendBatchesAsync([Batch(1, span1, BatchState.Pending), Batch(2, span2, BatchState.Pending)], default);
        await store.AppendRunAsync(run, default);
        await store.AppendBatchesAsync([Batch(1, span1, BatchState.Succeeded, rows: 12, retries: 1)], default);
        await store.AppendBatchesAsync([Batch(2, span2, BatchState.Failed, retries: 2)], default);
        await store.AppendRunAsync(run with { Revision = clock.Next(), State = RunState.Failed, Error = "1 failed" }, default);

        var stored = Assert.Single(await store.ListRunsAsync(10, default));
        Assert.Equal(WithoutSettings(run with { Revision = stored.Record.Revision, State = RunState.Failed, Error = "1 failed" }),
            WithoutSettings(stored.Record));
        Assert.Equal(run.Settings, stored.Record.Settings);
        Assert.Equal(new RunTotals(2, 1, 1, 3, 2, 1200, 300, 900, 12, 3), stored.Totals);

        var batches = await store.ListBatchesAsync("run-store-1", default);
        Assert.Equal([BatchState.Succeeded, BatchState.Failed], batches.Select(b => b.State));
        Assert.Equal(span1, batches[0].Span);
        Assert.Equal(TimeSpan.FromMilliseconds(250), batches[0].Duration);
        Assert.Equal("Code: 241. boom", batches[1].Error);
        Assert.Equal(started, batches[1].StartedAt);
        Assert.Null(batches[1].FinishedAt);

        Assert.Equal(WithoutSettings(stored.Record), WithoutSettings((await store.GetRunAsync("run-store-1", default))!.Record));
        Assert.Null(await store.GetRunAsync("no-such-run", default));
    }

    /// <summary>Records compare by value except the settings dictionary, which compares by reference.</summary>
    private static RunRecord WithoutSettings(RunRecord run) => run with { Settings = NoSettings };

    private static readonly Dictionary<string, string> NoSettings = [];
}
