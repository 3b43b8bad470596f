using System.Collections.Immutable;
using Fifo.Core.Backfill;
using Microsoft.Extensions.Logging;

namespace Fifo.Backfill.Progress;

/// <summary>
/// Hands every backfill event to every subscriber, synchronously and in order per publisher. A subscriber that
/// throws is logged and skipped: a broken page must not stop a backfill.
/// </summary>
internal sealed partial class EventBroadcaster(ILogger<EventBroadcaster> logger)
{
    private ImmutableArray<Action<BackfillEvent>> subscribers = [];

    public IDisposable Subscribe(Action<BackfillEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(onEvent));
        return new Subscription(this, onEvent);
    }

    public void Publish(BackfillEvent backfillEvent)
    {
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(backfillEvent);
            }
            catch (Exception e)
            {
                LogSubscriberFailed(e, backfillEvent.GetType().Name, backfillEvent.RunId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed on {EventType} of run {RunId}")]
    private partial void LogSubscriberFailed(Exception exception, string eventType, string runId);

    private sealed class Subscription(EventBroadcaster owner, Action<BackfillEvent> onEvent) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner.subscribers, list => list.Remove(onEvent));
    }
}
