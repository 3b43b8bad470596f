namespace Fifo.Core.Backfill;

/// <summary>A run as recorded in the runs table: what was asked, with which settings, and how it stands.</summary>
public sealed record BackfillRun(
    string RunId,
    BackfillMode Mode,
    RunState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Workers,
    long BatchFills,
    string? WalletRange,
    IReadOnlyDictionary<string, string> Settings,
    ProgressSnapshot Progress,
    string? Error);

/// <summary>One batch of a run: a contiguous wallet key range balanced by fill count.</summary>
public sealed record BackfillBatch(
    string RunId,
    int BatchNo,
    string FirstWallet,
    string LastWallet,
    long Wallets,
    long Fills,
    BatchState State,
    int Attempts,
    long RowsWritten,
    TimeSpan? Duration,
    DateTimeOffset? FinishedAt,
    string? Error);
