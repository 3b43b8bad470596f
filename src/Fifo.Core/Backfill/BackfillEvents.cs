namespace Fifo.Core.Backfill;

public enum RunState { Pending, Running, Pausing, Paused, Cancelling, Cancelled, Completed, Failed, Interrupted }

public enum BatchState { Pending, Running, Succeeded, Failed }

/// <summary>Throughput and counts of a run at one moment; the payload of <see cref="RunProgress"/>.</summary>
public sealed record ProgressSnapshot(
    int BatchesTotal,
    int BatchesDone,
    int BatchesFailed,
    long WalletsTotal,
    long WalletsDone,
    long FillsTotal,
    long FillsDone,
    long RowsWritten,
    int Retries,
    double FillsPerSecond,
    double WalletsPerMinute,
    TimeSpan Elapsed,
    TimeSpan? Eta);

/// <summary>Typed progress events of a backfill run, pushed to the CLI, the pages and the SignalR hub.</summary>
public abstract record BackfillEvent(string RunId, DateTimeOffset At);

public sealed record RunStarted(string RunId, DateTimeOffset At, BackfillMode Mode, int Workers, long BatchFills,
    string? WalletRange, int BatchesTotal, long WalletsTotal, long FillsTotal) : BackfillEvent(RunId, At);

public sealed record BatchStarted(string RunId, DateTimeOffset At, int BatchNo, int Worker, int Attempt,
    string FirstWallet, string LastWallet, long Wallets, long Fills) : BackfillEvent(RunId, At);

public sealed record BatchFinished(string RunId, DateTimeOffset At, int BatchNo, int Worker, int Attempt,
    long Wallets, long Fills, long RowsWritten, TimeSpan Duration) : BackfillEvent(RunId, At);

public sealed record BatchRetried(string RunId, DateTimeOffset At, int BatchNo, int Attempt, TimeSpan Delay,
    string Error, bool Split) : BackfillEvent(RunId, At);

public sealed record BatchFailed(string RunId, DateTimeOffset At, int BatchNo, int Attempts, string Error) : BackfillEvent(RunId, At);

public sealed record RunProgress(string RunId, DateTimeOffset At, ProgressSnapshot Progress) : BackfillEvent(RunId, At);

public sealed record RunStateChanged(string RunId, DateTimeOffset At, RunState State, string? Message) : BackfillEvent(RunId, At);
