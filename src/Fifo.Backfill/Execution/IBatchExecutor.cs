namespace Fifo.Backfill.Execution;

/// <summary>
/// Runs one batch query. The orchestrator's seam to the SQL FIFO engine: retries, splits, pauses and bookkeeping
/// all happen around it, so tests can wrap it to inject faults while the real engine does the work.
/// </summary>
public interface IBatchExecutor
{
    /// <summary>Computes and commits the lots of <see cref="BatchWork.Span"/> under <see cref="BatchWork.Version"/>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the query may still be running.</exception>
    Task<BatchQueryResult> ExecuteAsync(BatchWork work, CancellationToken cancellationToken);
}
