namespace Fifo.Core.Backfill;

public enum BackfillMode { Full, Incremental }

/// <summary>What an operator asks for: mode, parallelism, batch size and an optional wallet prefix range.</summary>
public sealed record BackfillRequest(
    BackfillMode Mode = BackfillMode.Full,
    int? Workers = null,
    long? BatchFills = null,
    WalletRange? Wallets = null,
    bool RetryFailed = false);
