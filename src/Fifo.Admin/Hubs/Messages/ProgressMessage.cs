using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

/// <summary>
/// Coalesced progress: the run's counts after the listed batch events, the workers, and the batch events since the
/// previous Progress message in order. <see cref="BatchEventsOmitted"/> counts routine (started/finished/retried)
/// events left out past the per-message cap; failed batches are never left out.
/// </summary>
public sealed record ProgressMessage(
    string RunId,
    long Sequence,
    DateTimeOffset At,
    RunState State,
    ProgressDto? Progress,
    IReadOnlyList<WorkerDto> Workers,
    IReadOnlyList<BatchEventDto> Batches,
    int BatchEventsOmitted);
