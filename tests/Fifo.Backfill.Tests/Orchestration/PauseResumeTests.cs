using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class PauseResumeTests
{
    [Fact]
    public async Task Pausing_mid_batch_stops_within_seconds_and_resuming_redoes_only_unfinished_batches()
    {
        await using var harness = await BackfillHarness.CreateAsync();
        using var events = new EventRecorder(harness.Controller);
        var stuck = new TaskCompletionSource();
        // Batch 4's query runs for real and then "keeps running" until the pause cancels it.
        harness.Executor.After = async (work, ct) =>
        {
            if (work.BatchNo != 4)
                return;
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 2, BatchFills: 800));
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(RunState.Running, harness.Controller.Current?.State);
        var pausedAt = DateTimeOffset.UtcNow;
        await harness.Controller.PauseAsync();
        var paused = await running;
        var pauseTook = DateTimeOffset.UtcNow - pausedAt;
        var callsBeforePause = harness.Executor.Calls.Count;

        Assert.Equal(RunState.Paused, paused.State);
        Assert.True(pauseTook < TimeSpan.FromSeconds(5), $"pause took {pauseTook}");
        Assert.InRange(paused.Progress.BatchesDone, 1, paused.Progress.BatchesTotal - 1);
        Assert.Equal(RunState.Paused, harness.Controller.Current?.State);
        var batchesWhenPaused = await harness.Controller.ListBatchesAsync(paused.RunId);
        Assert.Equal(BatchState.Pending, batchesWhenPaused.Single(b => b.BatchNo == 4).State);
        Assert.DoesNotContain(batchesWhenPaused, b => b.State is BatchState.Running or BatchState.Failed);
        Assert.Contains(events.Of<RunStateChanged>(), e => e.State == RunState.Pausing);
        var doneBeforePause = batchesWhenPaused.Where(b => b.State == BatchState.Succeeded).Select(b => b.BatchNo).ToHashSet();

        harness.Executor.After = null;
        var resumed = await harness.Controller.ResumeAsync(paused.RunId);

        await harness.AssertCompletedAsync(resumed);
        Assert.Equal(paused.RunId, resumed.RunId);
        Assert.Equal(resumed.Progress.BatchesTotal, resumed.Progress.BatchesDone);
        var redone = harness.Executor.Calls.Skip(callsBeforePause).Select(w => w.BatchNo).ToList();
        Assert.Empty(redone.Intersect(doneBeforePause));
        Assert.Contains(4, redone);
        Assert.Equal(paused.Progress.BatchesTotal - doneBeforePause.Count, redone.Distinct().Count());
        // The record shows what the resumed batches were sent, as the planned run's does: pinned settings included.
        Assert.Equal("1", paused.Settings["max_threads"]);
        Assert.Equal(paused.Settings.OrderBy(s => s.Key), resumed.Settings.OrderBy(s => s.Key));
        Assert.Equal(paused.Settings.OrderBy(s => s.Key), (await harness.Controller.ListRunsAsync(1)).Single().Settings.OrderBy(s => s.Key));
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    [Fact]
    public async Task Cancelling_the_caller_token_pauses_the_run_so_that_it_can_be_resumed()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 80, fills: 6_000);
        using var shutdown = new CancellationTokenSource();
        harness.Executor.After = async (work, ct) =>
        {
            if (work.BatchNo == 2)
            {
                await shutdown.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };

        var paused = await harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000), shutdown.Token);
        harness.Executor.After = null;
        var resumed = await harness.Controller.ResumeAsync(paused.RunId);

        Assert.Equal(RunState.Paused, paused.State);
        await harness.AssertCompletedAsync(resumed);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    [Fact]
    public async Task A_cancelled_run_ends_for_good()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var stuck = new TaskCompletionSource();
        harness.Executor.After = async (work, ct) =>
        {
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000));
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await harness.Controller.CancelAsync();
        var cancelled = await running;

        Assert.Equal(RunState.Cancelled, cancelled.State);
        Assert.NotNull((await harness.Controller.ListRunsAsync()).Single().FinishedAt);
        await Assert.ThrowsAsync<BackfillRunStateException>(() => harness.Controller.ResumeAsync(cancelled.RunId));
        Assert.Null(harness.Controller.Current);
    }

    [Fact]
    public async Task A_paused_run_can_be_cancelled_while_nothing_executes()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        harness.Executor.After = async (work, ct) => await Task.Delay(Timeout.Infinite, ct);
        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000));
        await Poll.UntilAsync("the first batch to start", TimeSpan.FromSeconds(30), () => !harness.Executor.Calls.IsEmpty);
        await harness.Controller.PauseAsync();
        var paused = await running;

        await harness.Controller.CancelAsync();

        Assert.Equal(RunState.Paused, paused.State);
        Assert.Equal(RunState.Cancelled, (await harness.Controller.ListRunsAsync()).Single().State);
    }
}
