using System.Collections.Concurrent;
using Fifo.Backfill.Execution;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// The fault-injection seam of the tests: wraps the real batch executor (the SQL engine on the embedded ClickHouse)
/// and lets a test act before or after each real query — fail, wait, change the query's settings — while the data
/// itself is always computed by the real engine.
/// </summary>
internal sealed class ScriptedBatchExecutor(IBatchExecutor real) : IBatchExecutor
{
    /// <summary>Runs before the real query; may throw (a failure before anything reached the server), delay, or
    /// return other work to run instead (e.g. with different settings).</summary>
    public Func<BatchWork, CancellationToken, Task<BatchWork>>? Before { get; set; }

    /// <summary>Runs after the real query succeeded; may throw (the answer was lost on the way back) or wait.</summary>
    public Func<BatchWork, CancellationToken, Task>? After { get; set; }

    /// <summary>Every call, in order.</summary>
    public ConcurrentQueue<BatchWork> Calls { get; } = new();

    public async Task<BatchQueryResult> ExecuteAsync(BatchWork work, CancellationToken cancellationToken)
    {
        Calls.Enqueue(work);
        if (Before is { } before)
            work = await before(work, cancellationToken);
        var result = await real.ExecuteAsync(work, cancellationToken);
        if (After is { } after)
            await after(work, cancellationToken);
        return result;
    }
}
