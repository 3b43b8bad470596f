using System.Collections.Concurrent;
using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Fifo.Admin.Tests.Live;

/// <summary>
/// The throttle with fake time: events come from <see cref="EventSource"/>, an event source standing in for the
/// engine (the feed only subscribes). The real engine's events reach the hub in BackfillHubTests.
/// </summary>
public sealed class BackfillLiveFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly EventSource _events = new();
    private readonly BackfillLiveFeed _feed;
    private readonly ConcurrentQueue<LiveUpdate> _delivered = new();

    public BackfillLiveFeedTests()
    {
        _feed = new BackfillLiveFeed(_events, _time, Options.Create(new LiveFeedOptions { Interval = TimeSpan.FromMilliseconds(250) }),
            NullLogger<BackfillLiveFeed>.Instance);
        _feed.Subscribe(u =>
        {
            _delivered.Enqueue(u);
            return Task.CompletedTask;
        });
    }

    public Task InitializeAsync() => _feed.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _feed.DisposeAsync();

    [Fact]
    public async Task A_thousand_batches_within_one_interval_make_one_progress_update()
    {
        _events.Raise(new RunStarted("r1", T0, BackfillMode.Full, 2, 10, null, 1_000, 1_000, 10_000));
        await WaitForAsync(1);
        for (var b = 0; b < 1_000; b++)
        {
            _events.Raise(new BatchFinished("r1", T0, b, b % 2, 1, 1, 10, 3, TimeSpan.FromMilliseconds(1)));
            _events.Raise(new RunProgress("r1", T0, Snapshot(b + 1)));
        }
        Assert.Single(_delivered);

        _time.Advance(TimeSpan.FromMilliseconds(250));
        await WaitForAsync(2);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Task.Delay(50);

        Assert.Equal(2, _delivered.Count);
        var progress = _delivered.Last();
        Assert.Equal(1_000, progress.View.Progress!.BatchesDone);
        Assert.Equal(1_000, progress.Events.Count + progress.BatchEventsOmitted);
    }

    [Fact]
    public async Task State_changes_go_out_at_once_in_order()
    {
        _events.Raise(new RunStarted("r1", T0, BackfillMode.Full, 2, 10, null, 2, 2, 20));
        _events.Raise(new RunStateChanged("r1", T0, RunState.Pausing, null));
        _events.Raise(new RunStateChanged("r1", T0, RunState.Paused, "paused by operator"));

        await WaitForAsync(3);

        Assert.Equal([1L, 2L, 3L], _delivered.Select(u => u.Sequence));
        Assert.Equal([RunState.Running, RunState.Pausing, RunState.Paused], _delivered.Select(u => u.View.State));
        Assert.Equal(RunState.Paused, _feed.View!.State);
    }

    [Fact]
    public async Task A_stuck_subscriber_holds_up_no_one_else()
    {
        var stuck = new TaskCompletionSource();
        var stuckGot = 0;
        using var slow = _feed.Subscribe(async _ =>
        {
            Interlocked.Increment(ref stuckGot);
            await stuck.Task;
        });

        _events.Raise(new RunStarted("r1", T0, BackfillMode.Full, 2, 10, null, 2, 2, 20));
        _events.Raise(new RunStateChanged("r1", T0, RunState.Pausing, null));
        _events.Raise(new RunStateChanged("r1", T0, RunState.Paused, null));
        await WaitForAsync(3);

        Assert.Equal(1, Volatile.Read(ref stuckGot));
        stuck.SetResult();
        await Poll.UntilAsync("the stuck subscriber's other 2 updates", TimeSpan.FromSeconds(2), () => Volatile.Read(ref stuckGot) >= 3);
        Assert.Equal(3, Volatile.Read(ref stuckGot));
    }

    private Task WaitForAsync(int count) =>
        Poll.UntilAsync($"{count} deliveries", TimeSpan.FromSeconds(2), () => _delivered.Count >= count);

    private static ProgressSnapshot Snapshot(int batchesDone) =>
        new(1_000, batchesDone, 0, 1_000, batchesDone, 10_000, batchesDone * 10L, batchesDone * 3L, 0, 0, 0, TimeSpan.FromMilliseconds(batchesDone), null);

    /// <summary>Only <see cref="Subscribe"/> is used by the feed; the rest is the engine's business.</summary>
    private sealed class EventSource : IBackfillController
    {
        private Action<BackfillEvent>? _subscriber;

        public BackfillRun? Current => null;

        public void Raise(BackfillEvent e) => _subscriber?.Invoke(e);

        public IDisposable Subscribe(Action<BackfillEvent> onEvent)
        {
            _subscriber = onEvent;
            return new Unsubscribe(() => _subscriber = null);
        }

        public Task<BackfillRun> RunAsync(BackfillRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<BackfillRun> ResumeAsync(string runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task PauseAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task CancelAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<BackfillRun> CancelRunAsync(string runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<BackfillRun>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<BackfillRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<BackfillBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
