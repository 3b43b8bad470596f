using Fifo.Core.Backfill;

namespace Fifo.Backfill.Execution;

/// <summary>
/// How a batch ended: <see cref="BatchState.Succeeded"/> with the rows written, <see cref="BatchState.Failed"/> with
/// the last error, or <see cref="BatchState.Pending"/> when the run was stopped while it ran (redone on resume).
/// Attempts and retries count every query run for it so far, earlier executions included.
/// </summary>
internal sealed record BatchOutcome(BatchState State, long RowsWritten, int Attempts, int Retries, ulong LotsVersion, string? Error);
