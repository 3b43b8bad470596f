using Fifo.Backfill.Runs;
using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class ConflictTests
{
    [Fact]
    public async Task Only_one_run_executes_at_a_time_in_this_process_and_across_hosts_on_one_database()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var stuck = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        harness.Executor.After = async (_, ct) =>
        {
            stuck.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000));
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var otherHost = await harness.CreateSecondHostAsync();
        var other = otherHost.GetRequiredService<IBackfillController>();

        var here = await Assert.ThrowsAsync<BackfillConflictException>(() => harness.Controller.RunAsync(new BackfillRequest()));
        var there = await Assert.ThrowsAsync<BackfillConflictException>(() => other.RunAsync(new BackfillRequest()));
        var runId = harness.Controller.Current!.RunId;
        await Assert.ThrowsAsync<BackfillConflictException>(() => other.ResumeAsync(runId));
        Assert.Equal(RunState.Running, (await other.ListRunsAsync()).Single().State);

        release.SetResult();
        Assert.Equal(RunState.Completed, (await running).State);
        Assert.Contains("in this process", here.Message);
        Assert.Contains(runId, there.Message);
        Assert.Equal(RunState.Completed, (await other.RunAsync(new BackfillRequest())).State);
    }

    [Fact]
    public async Task A_resumed_run_blocks_other_hosts_however_many_runs_started_after_it()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        using (var shutdown = new CancellationTokenSource())
        {
            harness.Executor.After = async (work, ct) =>
            {
                await shutdown.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            };
            Assert.Equal(RunState.Paused,
                (await harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000), shutdown.Token)).State);
        }
        var paused = (await harness.Controller.ListRunsAsync(1)).Single();
        await AppendFinishedRunsAsync(harness, count: 25);
        var stuck = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        harness.Executor.After = async (_, ct) =>
        {
            stuck.TrySetResult();
            await release.Task.WaitAsync(ct);
        };

        var resumed = harness.Controller.ResumeAsync(paused.RunId);
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var otherHost = await harness.CreateSecondHostAsync();
        var other = otherHost.GetRequiredService<IBackfillController>();
        var conflict = await Assert.ThrowsAsync<BackfillConflictException>(() => other.RunAsync(new BackfillRequest()));
        release.SetResult();

        Assert.Contains(paused.RunId, conflict.Message);
        Assert.Equal(RunState.Completed, (await resumed).State);
    }

    [Fact]
    public async Task Runs_over_disjoint_wallet_ranges_execute_side_by_side_and_together_equal_one_full_run()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 80, fills: 6_000);
        await using var secondHost = await harness.CreateSecondHostAsync();
        await using var thirdHost = await harness.CreateSecondHostAsync();
        var second = secondHost.GetRequiredService<IBackfillController>();
        // The low range's first batch waits until the high range's run has started one: the two execute at the
        // same time. Both wait until a run over both ranges has been refused.
        var lowStarted = new TaskCompletionSource();
        var highStarted = new TaskCompletionSource();
        var overlapRefused = new TaskCompletionSource<Exception?>();
        harness.Executor.After = async (_, ct) =>
        {
            lowStarted.TrySetResult();
            await highStarted.Task.WaitAsync(ct);
            await overlapRefused.Task.WaitAsync(ct);
        };
        secondHost.GetRequiredService<ScriptedBatchExecutor>().After = async (_, ct) =>
        {
            highStarted.TrySetResult();
            await overlapRefused.Task.WaitAsync(ct);
        };

        var low = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000, Wallets: new WalletRange(0, 7)));
        await lowStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var high = second.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000, Wallets: new WalletRange(8, 15)));
        await Task.WhenAny(highStarted.Task, high).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(highStarted.Task.IsCompleted, $"the high range did not start: {high.Exception?.GetBaseException().Message}");
        var overlapping = await Record.ExceptionAsync(() => thirdHost.GetRequiredService<IBackfillController>()
            .RunAsync(new BackfillRequest(Wallets: new WalletRange(7, 8))));
        overlapRefused.SetResult(overlapping);
        var (lowRun, highRun) = (await low, await high);

        await harness.AssertCompletedAsync(lowRun);
        await harness.AssertCompletedAsync(highRun);
        Assert.IsType<BackfillConflictException>(overlapping);
        Assert.Equal(2, (await harness.Controller.ListRunsAsync()).Count);
        Assert.Equal(harness.Executor.Calls.Count, lowRun.Progress.BatchesTotal);
        Assert.All(harness.Executor.Calls, c => Assert.True(string.CompareOrdinal(c.Span.LastWallet, "0x8") < 0));
        Assert.All(secondHost.GetRequiredService<ScriptedBatchExecutor>().Calls,
            c => Assert.True(string.CompareOrdinal(c.Span.FirstWallet, "0x8") >= 0));
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());

        // Each range's incremental run starts from its own range's run: nothing changed, nothing recomputed.
        var lowIncremental = await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, Wallets: new WalletRange(0, 7)));
        await harness.AssertCompletedAsync(lowIncremental);
        Assert.Equal(0, lowIncremental.Progress.WalletsTotal);
    }

    [Fact]
    public async Task A_run_left_interrupted_refuses_new_runs_over_its_wallets_and_lets_others_go()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        // As a killed process leaves it: recorded as running, by no owner that lives.
        await AppendRunAsync(harness, "crashed", RunState.Running, new WalletRange(10, 11), DateTimeOffset.UtcNow);

        var full = await Assert.ThrowsAsync<BackfillRunStateException>(() => harness.Controller.RunAsync(new BackfillRequest()));
        var incremental = await Assert.ThrowsAsync<BackfillRunStateException>(
            () => harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, Wallets: new WalletRange(11, 15))));
        var beside = await harness.Controller.RunAsync(new BackfillRequest(Wallets: new WalletRange(0, 9)));

        const string refusal = "Run crashed (wallets a-b, 0 of 0 batches done) is interrupted: "
                               + "resume or cancel it before starting another backfill over its wallets (fifo backfill --resume crashed, or --cancel crashed).";
        Assert.Equal(refusal, full.Message);
        Assert.Equal(refusal, incremental.Message);
        await harness.AssertCompletedAsync(beside);
        Assert.Equal(new[] { "crashed", beside.RunId }.Order(StringComparer.Ordinal),
            (await harness.Controller.ListRunsAsync()).Select(r => r.RunId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stopped_run_blocks_until_later_runs_have_been_over_all_its_wallets()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-10);
        await AppendRunAsync(harness, "paused-long-ago", RunState.Paused, new WalletRange(0, 7), earlier);
        await AppendRunAsync(harness, "crashed-long-ago", RunState.Running, new WalletRange(8, 15), earlier.AddSeconds(1));
        // Later runs (as a console that only offers to resume the newest run allowed): over all of the paused run's
        // wallets, in two ranges, and over part of the crashed run's.
        await AppendRunAsync(harness, "later-0-3", RunState.Completed, new WalletRange(0, 3), earlier.AddMinutes(1));
        await AppendRunAsync(harness, "later-4-7", RunState.Failed, new WalletRange(4, 7), earlier.AddMinutes(2));
        await AppendRunAsync(harness, "later-f", RunState.Completed, new WalletRange(15, 15), earlier.AddMinutes(3));

        var all = await Assert.ThrowsAsync<BackfillRunStateException>(() => harness.Controller.RunAsync(new BackfillRequest()));
        var low = await harness.Controller.RunAsync(new BackfillRequest(Wallets: new WalletRange(0, 7)));

        Assert.StartsWith("Run crashed-long-ago (wallets 8-f, ", all.Message);
        await harness.AssertCompletedAsync(low);
    }

    /// <summary>Records finished runs that started after every run so far (as a busy schedule would leave them).</summary>
    private static async Task AppendFinishedRunsAsync(BackfillHarness harness, int count)
    {
        for (var i = 0; i < count; i++)
            await AppendRunAsync(harness, $"finished-{i:00}", RunState.Completed, WalletRange.All, DateTimeOffset.UtcNow.AddSeconds(i + 1));
    }

    /// <summary>Records a run row without executing anything, owned by no process.</summary>
    private static async Task AppendRunAsync(BackfillHarness harness, string runId, RunState state, WalletRange wallets, DateTimeOffset at)
    {
        var store = harness.Services.GetRequiredService<BackfillStore>();
        var revisions = harness.Services.GetRequiredService<RevisionClock>();
        await store.AppendRunAsync(new RunRecord(runId, revisions.Next(), state,
            BackfillMode.Full, at, at, at, TimeSpan.Zero, "", 1, 1_000, wallets, new BackfillRequest(),
            new Dictionary<string, string>(), null, new HighWaterMarks("", ""), null), CancellationToken.None);
    }
}
