using Fifo.Core.Backfill;

namespace Fifo.Admin.Live;

/// <summary>The latest known state of one batch of the current run, for the "latest batches" table.</summary>
public sealed record BatchActivity(
    int BatchNo,
    BatchState State,
    int? Worker,
    int Attempt,
    long Wallets,
    long Fills,
    long RowsWritten,
    TimeSpan? Duration,
    string? Error,
    DateTimeOffset At);
