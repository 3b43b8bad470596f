using System.Collections.Concurrent;
using Fifo.Core.Backfill;

namespace Fifo.Backfill.Tests.Support;

/// <summary>Collects every event a controller publishes, in order of arrival.</summary>
internal sealed class EventRecorder : IDisposable
{
    private readonly ConcurrentQueue<BackfillEvent> events = new();
    private readonly IDisposable subscription;

    public EventRecorder(IBackfillController controller) => subscription = controller.Subscribe(events.Enqueue);

    public IReadOnlyList<BackfillEvent> All => events.ToList();

    public IReadOnlyList<T> Of<T>() where T : BackfillEvent => events.OfType<T>().ToList();

    public void Dispose() => subscription.Dispose();
}
