using Fifo.Core.Backfill;

namespace Fifo.Admin.Live;

/// <summary>
/// The current run as the events since the app started describe it: state, latest progress, workers, the latest
/// batches (newest first) and throughput samples. Immutable; a new one per update.
/// </summary>
public sealed record LiveRunView(
    string RunId,
    RunState State,
    string? Message,
    RunStarted? Start,
    ProgressSnapshot? Progress,
    IReadOnlyList<WorkerActivity> Workers,
    IReadOnlyList<BatchActivity> RecentBatches,
    IReadOnlyList<ThroughputPoint> Throughput,
    DateTimeOffset UpdatedAt);
