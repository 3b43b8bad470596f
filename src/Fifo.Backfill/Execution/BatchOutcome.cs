namespace Fifo.Backfill.Execution;

/// <summary>How a batch ended: Succeeded with the rows written, or Failed with the last error.</summary>
internal sealed record BatchOutcome(bool Succeeded, long RowsWritten, int Attempts, int Retries, ulong LotsVersion, string? Error);
