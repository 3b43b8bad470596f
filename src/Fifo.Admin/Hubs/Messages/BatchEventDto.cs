using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

/// <summary>
/// One batch event. Started: worker, attempt, wallet range, wallets, fills. Finished: also rows written and
/// duration. Retried: attempt (the next one), delay, error, whether the batch was split. Failed: attempts, error.
/// </summary>
public sealed record BatchEventDto(
    BatchEventKind Kind,
    int BatchNo,
    DateTimeOffset At,
    int? Worker = null,
    int Attempt = 0,
    string? FirstWallet = null,
    string? LastWallet = null,
    long Wallets = 0,
    long Fills = 0,
    long RowsWritten = 0,
    double? DurationMs = null,
    double? RetryDelayMs = null,
    bool Split = false,
    string? Error = null)
{
    public static BatchEventDto? From(BackfillEvent e) => e switch
    {
        BatchStarted s => new(BatchEventKind.Started, s.BatchNo, s.At, s.Worker, s.Attempt, s.FirstWallet, s.LastWallet, s.Wallets, s.Fills),
        BatchFinished f => new(BatchEventKind.Finished, f.BatchNo, f.At, f.Worker, f.Attempt, Wallets: f.Wallets, Fills: f.Fills,
            RowsWritten: f.RowsWritten, DurationMs: f.Duration.TotalMilliseconds),
        BatchRetried r => new(BatchEventKind.Retried, r.BatchNo, r.At, Attempt: r.Attempt, RetryDelayMs: r.Delay.TotalMilliseconds,
            Split: r.Split, Error: r.Error),
        BatchFailed x => new(BatchEventKind.Failed, x.BatchNo, x.At, Attempt: x.Attempts, Error: x.Error),
        _ => null,
    };
}
