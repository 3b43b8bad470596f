using System.Collections.Concurrent;
using System.Diagnostics;
using Fifo.Admin.Hubs;
using Fifo.Admin.Hubs.Messages;
using Fifo.Admin.Jobs;
using Fifo.Admin.Tests.Hosting;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Admin.Tests.Hubs;

/// <summary>
/// A .NET SignalR client on the running app receives the events of a real backfill over demo data, throttled;
/// and the launcher runs one backfill at a time, pauses and resumes.
/// </summary>
public sealed class BackfillHubTests(DemoDataAppFixture fixture) : IClassFixture<DemoDataAppFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly AdminAppHost _app = fixture.App;

    private BackfillLauncher Launcher => _app.Services.GetRequiredService<BackfillLauncher>();

    private IBackfillController Controller => _app.Services.GetRequiredService<IBackfillController>();

    [Fact]
    public async Task A_hub_client_receives_the_batch_events_of_a_real_backfill_a_few_times_a_second()
    {
        await using var hub = _app.CreateHubConnection();
        var started = new ConcurrentQueue<RunStartedMessage>();
        var states = new ConcurrentQueue<StateChangedMessage>();
        var progress = new ConcurrentQueue<ProgressMessage>();
        var finished = new TaskCompletionSource<StateChangedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<RunStartedMessage>(nameof(IBackfillHubClient.RunStarted), started.Enqueue);
        hub.On<ProgressMessage>(nameof(IBackfillHubClient.Progress), progress.Enqueue);
        hub.On<StateChangedMessage>(nameof(IBackfillHubClient.StateChanged), m =>
        {
            states.Enqueue(m);
            if (m.State is RunState.Completed or RunState.Failed or RunState.Cancelled)
                finished.TrySetResult(m);
        });
        await hub.StartAsync();

        var clock = Stopwatch.StartNew();
        await Launcher.StartAsync(new BackfillRequest(BackfillMode.Full, Workers: 2, BatchFills: 5_000));
        var end = await finished.Task.WaitAsync(RunTimeout);
        var elapsed = clock.Elapsed;
        await Task.Delay(300); // the Progress message of the last delivery follows its state change

        Assert.Equal(RunState.Completed, end.State);
        var run = Assert.Single(started);
        Assert.Equal(end.RunId, run.RunId);
        Assert.True(run.BatchesTotal > 1, $"expected several batches, got {run.BatchesTotal}");

        var batchEvents = progress.SelectMany(p => p.Batches).ToList();
        var omitted = progress.Sum(p => p.BatchEventsOmitted);
        var finishedBatches = batchEvents.Where(b => b.Kind == BatchEventKind.Finished).ToList();
        Assert.NotEmpty(finishedBatches);
        Assert.All(finishedBatches, b => Assert.True(b.DurationMs > 0 && b.Fills > 0, $"batch {b.BatchNo}: {b}"));
        Assert.True(finishedBatches.Sum(b => b.RowsWritten) > 0);
        Assert.Equal(0, omitted); // a dozen batches stay far below the per-message cap
        Assert.Equal(run.BatchesTotal, finishedBatches.Select(b => b.BatchNo).Distinct().Count());
        var last = progress.Last();
        Assert.Equal(run.BatchesTotal, last.Progress!.BatchesDone);
        Assert.Equal(run.FillsTotal, last.Progress.FillsDone);

        // Throttle: one Progress per 250 ms tick, plus at most one extra around each state change delivered at once.
        var immediate = states.Count + started.Count + batchEvents.Count(b => b.Kind == BatchEventKind.Failed);
        var allowed = (int)Math.Ceiling(elapsed / TimeSpan.FromMilliseconds(250)) + 2 * immediate + 2;
        Assert.True(progress.Count <= allowed, $"{progress.Count} Progress messages in {elapsed.TotalMilliseconds:F0} ms (allowed {allowed})");

        var current = await hub.InvokeAsync<RunViewMessage?>(nameof(BackfillHub.GetCurrentRun));
        Assert.NotNull(current);
        Assert.Equal((end.RunId, RunState.Completed), (current.RunId, current.State));
    }

    [Fact]
    public async Task A_second_start_is_refused_while_one_runs_and_pause_then_resume_finishes_the_run()
    {
        await using var hub = _app.CreateHubConnection();
        var states = new ConcurrentQueue<StateChangedMessage>();
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<StateChangedMessage>(nameof(IBackfillHubClient.StateChanged), states.Enqueue);
        hub.On<ProgressMessage>(nameof(IBackfillHubClient.Progress), m =>
        {
            if (m.Batches.Any(b => b.Kind == BatchEventKind.Finished))
                firstBatch.TrySetResult();
        });
        await hub.StartAsync();

        await Launcher.StartAsync(new BackfillRequest(BackfillMode.Full, Workers: 1, BatchFills: 6_000));
        var refused = await Assert.ThrowsAsync<BackfillConflictException>(() => Launcher.StartAsync(new BackfillRequest()));
        Assert.Contains("only one backfill runs at a time", refused.Message);

        await firstBatch.Task.WaitAsync(RunTimeout);
        var pauseClock = Stopwatch.StartNew();
        await Launcher.PauseAsync();
        var paused = await WaitForStateAsync(states, RunState.Paused);
        Assert.True(pauseClock.Elapsed < TimeSpan.FromSeconds(10), $"pausing took {pauseClock.Elapsed}");
        await Poll.UntilAsync("the launcher to be idle", RunTimeout, () => !Launcher.IsBusy);
        Assert.Equal((paused.RunId, RunState.Paused), (Controller.Current?.RunId, Controller.Current?.State));
        var whilePaused = await Assert.ThrowsAsync<BackfillConflictException>(() => Launcher.StartAsync(new BackfillRequest()));
        Assert.Contains("resume or cancel it", whilePaused.Message);

        await Launcher.ResumeAsync(paused.RunId);
        await Poll.UntilAsync("the run to end", RunTimeout, () => states.Any(s => s.State is RunState.Completed or RunState.Failed or RunState.Cancelled));
        var end = states.Last();

        Assert.Equal((paused.RunId, RunState.Completed), (end.RunId, end.State));
        var recorded = (await Controller.ListRunsAsync(5)).First(r => r.RunId == end.RunId);
        Assert.Equal(RunState.Completed, recorded.State);
        Assert.Equal(recorded.Progress.BatchesTotal, recorded.Progress.BatchesDone);
    }

    private static async Task<StateChangedMessage> WaitForStateAsync(ConcurrentQueue<StateChangedMessage> states, RunState state)
    {
        await Poll.UntilAsync($"a {state} state change", RunTimeout, () => states.Any(s => s.State == state));
        return states.Last(s => s.State == state);
    }
}
