namespace Fifo.Backfill.Execution;

/// <summary>What a successful batch query wrote.</summary>
public sealed record BatchQueryResult(long RowsWritten);
