using Fifo.Core.Backfill;
using Fifo.Core.Planning;

namespace Fifo.Backfill.Runs;

/// <summary>
/// One row of the batches table. The rows written when a run is planned (state Pending) are its plan; every
/// later change appends a record with a higher <see cref="Revision"/>.
/// </summary>
internal sealed record BatchRecord(
    string RunId,
    int BatchNo,
    ulong Revision,
    WalletSpan Span,
    BatchState State,
    int Attempts,
    int Retries,
    ulong LotsVersion,
    long RowsWritten,
    TimeSpan? Duration,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public BackfillBatch ToContract() => new(RunId, BatchNo, Span.FirstWallet, Span.LastWallet, Span.Wallets, Span.Fills,
        State, Attempts, RowsWritten, Duration, FinishedAt, Error);
}
