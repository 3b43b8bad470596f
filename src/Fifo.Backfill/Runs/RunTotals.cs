namespace Fifo.Backfill.Runs;

/// <summary>A run's batch counts, summed over each batch's newest row.</summary>
internal sealed record RunTotals(
    int BatchesTotal,
    int BatchesDone,
    int BatchesFailed,
    long WalletsTotal,
    long WalletsDone,
    long FillsTotal,
    long FillsDone,
    long FillsFailed,
    long RowsWritten,
    int Retries);
