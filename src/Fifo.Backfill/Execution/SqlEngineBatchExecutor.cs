using Fifo.ClickHouse.Engine;

namespace Fifo.Backfill.Execution;

/// <summary>The batch query itself: the SQL FIFO engine computing and committing one wallet span.</summary>
internal sealed class SqlEngineBatchExecutor(FifoSqlEngine engine) : IBatchExecutor
{
    public async Task<BatchQueryResult> ExecuteAsync(BatchWork work, CancellationToken cancellationToken)
    {
        var result = await engine.ComputeBatchAsync(work.Span.FirstWallet, work.Span.LastWallet, work.Version, work.RunId,
            work.Settings, work.QueryId, work.StagedWalletsOnly ? work.RunId : null, cancellationToken);
        return new BatchQueryResult(result.RowsWritten);
    }
}
