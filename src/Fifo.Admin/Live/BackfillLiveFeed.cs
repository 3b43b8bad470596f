using System.Collections.Immutable;
using System.Threading.Channels;
using Fifo.Core.Backfill;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Live;

/// <summary>
/// The one subscriber of the backfill engine's events in the web app. It coalesces progress so that pages and hub
/// clients get at most one update per <see cref="LiveFeedOptions.Interval"/> however fast batches finish, while
/// run/state changes and failed batches go out at once. Each subscriber gets every update in order, one at a time,
/// from a queue of its own: a slow page or hub send delays only itself, never the others.
/// </summary>
public sealed class BackfillLiveFeed : IHostedService, IAsyncDisposable
{
    private readonly IBackfillController _controller;
    private readonly TimeProvider _time;
    private readonly LiveFeedOptions _options;
    private readonly ILogger<BackfillLiveFeed> _logger;
    private readonly LiveRunAccumulator _accumulator;
    private readonly Lock _gate = new();
    private ImmutableArray<Subscriber> _subscribers = [];
    private IDisposable? _engineSubscription;
    private ITimer? _timer;
    private long _sequence;

    public BackfillLiveFeed(IBackfillController controller, TimeProvider time, IOptions<LiveFeedOptions> options, ILogger<BackfillLiveFeed> logger)
    {
        _controller = controller;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _accumulator = new LiveRunAccumulator(_options);
    }

    /// <summary>The latest delivered view; null until the first event after the app started.</summary>
    public LiveRunView? View { get; private set; }

    public IDisposable Subscribe(Func<LiveUpdate, Task> onUpdate)
    {
        var subscriber = new Subscriber(onUpdate, _logger);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscriber));
        return new Unsubscriber(() =>
        {
            ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber));
            subscriber.Complete();
        });
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _engineSubscription = _controller.Subscribe(OnEvent);
        _timer = _time.CreateTimer(_ => Flush(), null, _options.Interval, _options.Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _engineSubscription?.Dispose();
        _timer?.Dispose();
        Flush();
        var subscribers = _subscribers;
        foreach (var subscriber in subscribers)
            subscriber.Complete();
        await Task.WhenAll(subscribers.Select(s => s.Delivered)).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _engineSubscription?.Dispose();
        if (_timer is not null)
            await _timer.DisposeAsync();
        foreach (var subscriber in _subscribers)
            subscriber.Complete();
    }

    /// <summary>Delivers what is pending now instead of at the next tick (tests use it to avoid waiting).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            var update = _accumulator.TakeUpdate(_sequence + 1);
            if (update is null)
                return;
            _sequence = update.Sequence;
            View = update.View;
            // Queued under the lock so every subscriber gets the updates in the order of their sequence numbers.
            foreach (var subscriber in _subscribers)
                subscriber.Enqueue(update);
        }
    }

    private void OnEvent(BackfillEvent e)
    {
        bool immediate;
        lock (_gate)
            immediate = _accumulator.Apply(e);
        if (immediate)
            Flush();
    }

    /// <summary>One subscriber's queue and the loop that hands it the updates, awaiting each before the next.</summary>
    private sealed class Subscriber
    {
        private readonly Func<LiveUpdate, Task> _onUpdate;
        private readonly ILogger _logger;
        private readonly Channel<LiveUpdate> _queue = Channel.CreateUnbounded<LiveUpdate>(new UnboundedChannelOptions { SingleReader = true });

        public Subscriber(Func<LiveUpdate, Task> onUpdate, ILogger logger)
        {
            _onUpdate = onUpdate;
            _logger = logger;
            Delivered = Task.Run(DeliverAsync);
        }

        /// <summary>Completes once the queue is completed and emptied.</summary>
        public Task Delivered { get; }

        public void Enqueue(LiveUpdate update) => _queue.Writer.TryWrite(update);

        public void Complete() => _queue.Writer.TryComplete();

        private async Task DeliverAsync()
        {
            await foreach (var update in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await _onUpdate(update);
                }
                catch (Exception ex)
                {
                    // One broken page or hub connection must not stop its later updates, nor anyone else's.
                    _logger.LogWarning(ex, "A live update subscriber failed on update {Sequence}", update.Sequence);
                }
            }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
