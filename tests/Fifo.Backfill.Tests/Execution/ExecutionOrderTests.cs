using Fifo.Backfill.Execution;
using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;
using Fifo.Core.Planning;
using Xunit;

namespace Fifo.Backfill.Tests.Execution;

public sealed class ExecutionOrderTests
{
    [Fact]
    public void Batches_are_taken_largest_first_with_ties_in_batch_order()
    {
        // The six spans of the 10M benchmark run that left one worker idle for 1.1 s in key order.
        long[] fills = [1_614_934, 1_652_646, 1_675_089, 1_517_046, 1_917_202, 1_312_761, 1_652_646];
        var batches = fills.Select((f, i) => Batch(i + 1, f)).ToList();

        var order = RunExecution.ExecutionOrder(batches).Select(b => b.BatchNo);

        Assert.Equal([5, 3, 2, 7, 1, 4, 6], order);
    }

    [Fact]
    public void Largest_first_on_two_workers_ends_more_evenly_than_key_order()
    {
        long[] fills = [1_614_934, 1_652_646, 1_675_089, 1_517_046, 1_917_202, 1_312_761];
        var batches = fills.Select((f, i) => Batch(i + 1, f)).ToList();

        Assert.Equal(5_086_894, Makespan(batches, workers: 2));
        Assert.Equal(4_844_897, Makespan(RunExecution.ExecutionOrder(batches), workers: 2));
    }

    /// <summary>When the last worker finishes if each takes the next batch as soon as it is free, time = fills.</summary>
    private static long Makespan(IEnumerable<BatchRecord> queue, int workers)
    {
        var free = new long[workers];
        foreach (var batch in queue)
        {
            var next = Array.IndexOf(free, free.Min());
            free[next] += batch.Span.Fills;
        }
        return free.Max();
    }

    private static BatchRecord Batch(int batchNo, long fills) =>
        new("run", batchNo, Revision: (ulong)batchNo, new WalletSpan($"0x{batchNo:x40}", $"0x{batchNo:x40}", 1, fills),
            BatchState.Pending, Attempts: 0, Retries: 0, LotsVersion: 0, RowsWritten: 0, Duration: null,
            StartedAt: null, FinishedAt: null, Error: null);
}
