using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Live;

public sealed class LiveRunAccumulatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly LiveRunAccumulator _accumulator = new(new LiveFeedOptions { MaxBatchEventsPerUpdate = 3, RecentBatches = 5 });

    [Fact]
    public void Run_and_state_events_are_delivered_at_once_progress_is_not()
    {
        Assert.True(_accumulator.Apply(Started("r1")));
        Assert.False(_accumulator.Apply(Progress("r1", fillsDone: 10, elapsedSeconds: 0.5)));
        Assert.False(_accumulator.Apply(new BatchStarted("r1", T0, 1, 0, 1, "0x0", "0x1", 10, 100)));
        Assert.True(_accumulator.Apply(new BatchFailed("r1", T0, 1, 4, "Code: 241. MEMORY_LIMIT_EXCEEDED")));
        Assert.True(_accumulator.Apply(new RunStateChanged("r1", T0, RunState.Pausing, null)));
    }

    [Fact]
    public void Nothing_new_means_no_update()
    {
        _accumulator.Apply(Started("r1"));
        Assert.NotNull(_accumulator.TakeUpdate(1));
        Assert.Null(_accumulator.TakeUpdate(2));
    }

    [Fact]
    public void Coalesces_progress_into_the_latest_snapshot()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.TakeUpdate(1);
        for (var i = 1; i <= 100; i++)
            _accumulator.Apply(Progress("r1", fillsDone: i * 1_000, elapsedSeconds: i * 0.01));

        var update = _accumulator.TakeUpdate(2)!;

        Assert.Empty(update.Events);
        Assert.Equal(100_000, update.View.Progress!.FillsDone);
    }

    [Fact]
    public void Caps_routine_batch_events_but_never_drops_failures_or_state_changes()
    {
        _accumulator.Apply(Started("r1"));
        for (var b = 1; b <= 5; b++)
            _accumulator.Apply(new BatchFinished("r1", T0.AddSeconds(b), b, 0, 1, 10, 100, 50, TimeSpan.FromMilliseconds(20)));
        _accumulator.Apply(new BatchFailed("r1", T0.AddSeconds(6), 6, 4, "boom"));
        _accumulator.Apply(new RunStateChanged("r1", T0.AddSeconds(7), RunState.Completed, null));

        var update = _accumulator.TakeUpdate(1)!;

        Assert.Equal(2, update.BatchEventsOmitted);
        Assert.IsType<RunStarted>(update.Events[0]);
        Assert.Equal(3, update.Events.OfType<BatchFinished>().Count());
        Assert.Single(update.Events.OfType<BatchFailed>());
        Assert.IsType<RunStateChanged>(update.Events[^1]);
        Assert.Equal(RunState.Completed, update.View.State);
    }

    [Fact]
    public void Tracks_workers_and_the_latest_batches()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(new BatchStarted("r1", T0, 1, 0, 1, "0x00", "0x3f", 10, 1_000));
        _accumulator.Apply(new BatchStarted("r1", T0, 2, 1, 1, "0x40", "0x7f", 12, 1_100));
        _accumulator.Apply(new BatchFinished("r1", T0.AddSeconds(1), 1, 0, 1, 10, 1_000, 300, TimeSpan.FromSeconds(1)));
        _accumulator.Apply(new BatchRetried("r1", T0.AddSeconds(2), 2, 2, TimeSpan.FromSeconds(1), "timeout", Split: false));

        var view = _accumulator.TakeUpdate(1)!.View;

        Assert.Equal([WorkerStatus.Idle, WorkerStatus.Retrying], view.Workers.Select(w => w.Status));
        Assert.Equal(2, view.Workers[1].Attempt);
        Assert.Equal([2, 1], view.RecentBatches.Select(b => b.BatchNo));
        Assert.Equal((BatchState.Succeeded, 300L), (view.RecentBatches[1].State, view.RecentBatches[1].RowsWritten));
        Assert.Equal(("timeout", 2), (view.RecentBatches[0].Error, view.RecentBatches[0].Attempt));
    }

    [Theory]
    [InlineData(RunState.Paused)]
    [InlineData(RunState.Cancelled)]
    [InlineData(RunState.Interrupted)]
    public void A_stopped_run_has_idle_workers_and_its_running_batches_left_to_do(RunState stopped)
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(new BatchStarted("r1", T0, 1, 0, 1, "0x00", "0x3f", 10, 1_000));
        _accumulator.Apply(new BatchStarted("r1", T0, 2, 1, 1, "0x40", "0x7f", 12, 1_100));
        _accumulator.Apply(new BatchFinished("r1", T0.AddSeconds(1), 2, 1, 1, 12, 1_100, 300, TimeSpan.FromSeconds(1)));
        _accumulator.Apply(new RunStateChanged("r1", T0.AddSeconds(2), stopped, "stopped"));

        var view = _accumulator.TakeUpdate(1)!.View;

        Assert.All(view.Workers, w => Assert.Equal(WorkerStatus.Idle, w.Status));
        Assert.Equal(("stopped", stopped), (view.Message, view.State));
        Assert.Equal([(2, BatchState.Succeeded), (1, BatchState.Pending)], view.RecentBatches.Select(b => (b.BatchNo, b.State)));
        Assert.Null(view.RecentBatches[1].Worker);
    }

    [Fact]
    public void Throughput_is_sampled_per_interval_not_averaged_over_the_run()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(Progress("r1", fillsDone: 500, elapsedSeconds: 0.5));   // under a second: no sample yet
        _accumulator.Apply(Progress("r1", fillsDone: 1_000, elapsedSeconds: 1));
        _accumulator.Apply(Progress("r1", fillsDone: 4_000, elapsedSeconds: 2));

        var points = _accumulator.TakeUpdate(1)!.View.Throughput;

        Assert.Equal([1_000d, 3_000d], points.Select(p => p.FillsPerSecond));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], points.Select(p => p.Elapsed));
    }

    [Fact]
    public void A_run_shorter_than_a_sample_still_gets_its_throughput_when_it_ends()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(Progress("r1", fillsDone: 300, elapsedSeconds: 0.4));
        _accumulator.Apply(new RunStateChanged("r1", T0.AddSeconds(0.4), RunState.Completed, null));

        var points = _accumulator.TakeUpdate(1)!.View.Throughput;

        Assert.Equal([(TimeSpan.FromSeconds(0.4), 750d)], points.Select(p => (p.Elapsed, p.FillsPerSecond)));
    }

    [Fact]
    public void The_last_stretch_of_a_run_is_sampled_when_it_ends()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(Progress("r1", fillsDone: 1_000, elapsedSeconds: 1));
        _accumulator.Apply(Progress("r1", fillsDone: 1_500, elapsedSeconds: 1.5));
        _accumulator.Apply(new RunStateChanged("r1", T0.AddSeconds(1.5), RunState.Paused, null));

        var points = _accumulator.TakeUpdate(1)!.View.Throughput;

        Assert.Equal([1_000d, 1_000d], points.Select(p => p.FillsPerSecond));
        Assert.Equal(TimeSpan.FromSeconds(1.5), points[^1].Elapsed);
    }

    [Fact]
    public void Long_runs_keep_a_bounded_thinned_history()
    {
        var accumulator = new LiveRunAccumulator(new LiveFeedOptions { ThroughputPoints = 10 });
        accumulator.Apply(Started("r1"));
        for (var s = 1; s <= 100; s++)
            accumulator.Apply(Progress("r1", fillsDone: s * 100, elapsedSeconds: s));

        var points = accumulator.TakeUpdate(1)!.View.Throughput;

        Assert.InRange(points.Count, 5, 10);
        Assert.Equal(TimeSpan.FromSeconds(100), points[^1].Elapsed);
        Assert.True(points[0].Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_new_run_starts_a_fresh_view()
    {
        _accumulator.Apply(Started("r1"));
        _accumulator.Apply(new BatchFinished("r1", T0, 1, 0, 1, 10, 100, 50, TimeSpan.FromMilliseconds(20)));
        _accumulator.Apply(Started("r2"));

        var view = _accumulator.TakeUpdate(1)!.View;

        Assert.Equal("r2", view.RunId);
        Assert.Empty(view.RecentBatches);
    }

    /// <summary>After a restart a resumed run is new to the feed: zeros would show it starting over.</summary>
    [Fact]
    public void A_new_or_resumed_run_has_no_progress_until_the_engine_reports_some()
    {
        _accumulator.Apply(Started("r1"));
        Assert.Null(_accumulator.TakeUpdate(1)!.View.Progress);

        _accumulator.Apply(Progress("r1", fillsDone: 6_000, elapsedSeconds: 5));
        Assert.Equal(6_000, _accumulator.TakeUpdate(2)!.View.Progress!.FillsDone);
    }

    private static RunStarted Started(string runId) =>
        new(runId, T0, BackfillMode.Full, 2, 1_000, null, BatchesTotal: 10, WalletsTotal: 100, FillsTotal: 10_000);

    private static RunProgress Progress(string runId, long fillsDone, double elapsedSeconds) =>
        new(runId, T0.AddSeconds(elapsedSeconds), new ProgressSnapshot(10, 0, 0, 100, fillsDone / 100, 10_000, fillsDone, 0, 0, 0, 0,
            TimeSpan.FromSeconds(elapsedSeconds), null));
}
