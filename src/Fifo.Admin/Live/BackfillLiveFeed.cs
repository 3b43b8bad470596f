using System.Collections.Immutable;
using System.Threading.Channels;
using Fifo.Core.Backfill;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Live;

/// <summary>
/// The one subscriber of the backfill engine's events in the web app. It coalesces progress so that pages and hub
/// clients get at most one update per <see cref="LiveFeedOptions.Interval"/> however fast batches finish, while
/// run/state changes and failed batches go out at once; updates are delivered in order, one at a time.
/// </summary>
public sealed class BackfillLiveFeed : IHostedService, IAsyncDisposable
{
    private readonly IBackfillController _controller;
    private readonly TimeProvider _time;
    private readonly LiveFeedOptions _options;
    private readonly ILogger<BackfillLiveFeed> _logger;
    private readonly LiveRunAccumulator _accumulator;
    private readonly Lock _gate = new();
    private readonly Channel<LiveUpdate> _deliveries = Channel.CreateUnbounded<LiveUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private ImmutableArray<Func<LiveUpdate, Task>> _subscribers = [];
    private IDisposable? _engineSubscription;
    private ITimer? _timer;
    private Task? _delivering;
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
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onUpdate));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(onUpdate)));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _delivering = DeliverAsync();
        _engineSubscription = _controller.Subscribe(OnEvent);
        _timer = _time.CreateTimer(_ => Flush(), null, _options.Interval, _options.Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _engineSubscription?.Dispose();
        _timer?.Dispose();
        Flush();
        _deliveries.Writer.TryComplete();
        if (_delivering is not null)
            await _delivering.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _engineSubscription?.Dispose();
        if (_timer is not null)
            await _timer.DisposeAsync();
        _deliveries.Writer.TryComplete();
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
            // Written under the lock so deliveries keep the order of their sequence numbers.
            _deliveries.Writer.TryWrite(update);
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

    private async Task DeliverAsync()
    {
        await foreach (var update in _deliveries.Reader.ReadAllAsync())
        {
            var subscribers = _subscribers;
            await Task.WhenAll(subscribers.Select(s => DeliverToAsync(s, update)));
        }
    }

    private async Task DeliverToAsync(Func<LiveUpdate, Task> subscriber, LiveUpdate update)
    {
        try
        {
            await subscriber(update);
        }
        catch (Exception ex)
        {
            // One broken page or hub connection must not stop the others' updates.
            _logger.LogWarning(ex, "A live update subscriber failed on update {Sequence}", update.Sequence);
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
