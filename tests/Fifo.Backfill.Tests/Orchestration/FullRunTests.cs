using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class FullRunTests
{
    [Fact]
    public async Task A_full_run_in_many_batches_writes_exactly_what_the_engine_computes_for_all_wallets_at_once()
    {
        await using var harness = await BackfillHarness.CreateAsync();
        using var events = new EventRecorder(harness.Controller);

        var run = await harness.Controller.RunAsync(new BackfillRequest(Workers: 3, BatchFills: 1_000));
        var afterRun = await harness.ReadViewAsync();

        await harness.AssertCompletedAsync(run);
        Assert.Null(run.Error);
        Assert.True(run.Progress.BatchesTotal >= 8, $"only {run.Progress.BatchesTotal} batches");
        Assert.Equal(run.Progress.BatchesTotal, run.Progress.BatchesDone);
        Assert.Equal(run.Progress.FillsTotal, run.Progress.FillsDone);
        Assert.Equal(afterRun.Summaries.Count, run.Progress.WalletsDone);
        Assert.Equal(afterRun.Lots.Count, run.Progress.RowsWritten);
        Assert.Equal(0, run.Progress.Retries);
        Assert.Equal(TimeSpan.Zero, run.Progress.Eta ?? TimeSpan.Zero);
        afterRun.AssertSameAs(await harness.ReferenceViewAsync());

        var batches = await harness.Controller.ListBatchesAsync(run.RunId);
        Assert.Equal(Enumerable.Range(1, run.Progress.BatchesTotal), batches.Select(b => b.BatchNo));
        Assert.All(batches, b => Assert.Equal(BatchState.Succeeded, b.State));
        Assert.All(batches.Zip(batches.Skip(1)), pair =>
            Assert.True(string.CompareOrdinal(pair.First.LastWallet, pair.Second.FirstWallet) < 0, "batches overlap"));
        Assert.All(batches, b => Assert.True(b.Fills <= 1_000 || b.Wallets == 1, $"batch {b.BatchNo}: {b.Wallets} wallets, {b.Fills} fills"));

        Assert.Single(events.Of<RunStarted>());
        Assert.Equal(run.Progress.BatchesTotal, events.Of<BatchStarted>().Count);
        Assert.Equal(run.Progress.BatchesTotal, events.Of<BatchFinished>().Count);
        Assert.Equal([RunState.Running, RunState.Completed], events.Of<RunStateChanged>().Select(e => e.State));
        Assert.Equal(run.Progress.FillsDone, events.Of<RunProgress>()[^1].Progress.FillsDone);
        Assert.Equal([1, 2, 3], events.Of<BatchStarted>().Select(e => e.Worker).Distinct().Order());

        var listed = Assert.Single(await harness.Controller.ListRunsAsync());
        Assert.Equal(run.RunId, listed.RunId);
        await harness.AssertCompletedAsync(listed);
        Assert.Equal(run.Progress with { FillsPerSecond = 0, WalletsPerMinute = 0, Elapsed = default, Eta = null },
            listed.Progress with { FillsPerSecond = 0, WalletsPerMinute = 0, Elapsed = default, Eta = null });
        // The record shows what the batches were sent: the configured settings and the ones the engine pins.
        Assert.Equal("1", listed.Settings["max_threads"]);
        Assert.Equal("3600", listed.Settings["max_execution_time"]);
        Assert.Equal("0", listed.Settings["enable_vertical_final"]);
        Assert.Null(harness.Controller.Current);
    }

    [Fact]
    public async Task Running_every_wallet_again_leaves_the_view_unchanged()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 500));
        var first = await harness.ReadViewAsync();

        var again = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 1_700, Workers: 1));

        await harness.AssertCompletedAsync(again);
        (await harness.ReadViewAsync()).AssertSameAs(first);
    }

    [Fact]
    public async Task A_wallet_range_computes_only_wallets_with_that_first_digit()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 80, fills: 5_000);

        var run = await harness.Controller.RunAsync(new BackfillRequest(Wallets: WalletRange.Parse("0-7")));
        var view = await harness.ReadViewAsync();

        await harness.AssertCompletedAsync(run);
        Assert.Equal("0-7", run.WalletRange);
        Assert.NotEmpty(view.Summaries);
        Assert.All(view.Summaries, s => Assert.InRange(s[4], '0', '7')); // ('0x?…
        var batches = await harness.Controller.ListBatchesAsync(run.RunId);
        Assert.All(batches, b => Assert.InRange(b.FirstWallet[2], '0', '7'));
        Assert.All(batches, b => Assert.InRange(b.LastWallet[2], '0', '7'));
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_recorded()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 10, fills: 100);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Controller.RunAsync(new BackfillRequest(Workers: 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Controller.RunAsync(new BackfillRequest(BatchFills: -5)));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Controller.RunAsync(new BackfillRequest(Wallets: new WalletRange(9, 3))));
        await Assert.ThrowsAsync<BackfillRunStateException>(() => harness.Controller.ResumeAsync("no-such-run"));
        await Assert.ThrowsAsync<BackfillRunStateException>(() => harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true)));
        Assert.Empty(await harness.Controller.ListRunsAsync());
    }
}
