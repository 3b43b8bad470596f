using Fifo.Core.Backfill;

namespace Fifo.Backfill.Runs;

/// <summary>
/// One row of the runs table: a run's state plus what resuming it and planning the next incremental run need.
/// Every change appends a new record with a higher <see cref="Revision"/>.
/// </summary>
internal sealed record RunRecord(
    string RunId,
    ulong Revision,
    RunState State,
    BackfillMode Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset HeartbeatAt,
    TimeSpan Active,
    string Owner,
    int Workers,
    long BatchFills,
    WalletRange Wallets,
    BackfillRequest Request,
    IReadOnlyDictionary<string, string> Settings,
    string? BaselineRunId,
    HighWaterMarks Marks,
    string? Error);
