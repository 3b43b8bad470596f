using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;

namespace Fifo.Backfill.Progress;

/// <summary>
/// Counts of a run while it executes, safe to update from several workers. While it runs, rates (fills/s,
/// wallets/min) and the ETA are measured over this execution segment only, so a resumed run's ETA is not skewed by
/// earlier work.
/// </summary>
internal sealed class ProgressTracker
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly TimeSpan activeBefore;
    private readonly long startedAt;
    private RunTotals totals;
    private long segmentFills;
    private long segmentWallets;

    public ProgressTracker(RunTotals initial, TimeSpan activeBefore, TimeProvider time)
    {
        totals = initial;
        this.activeBefore = activeBefore;
        this.time = time;
        startedAt = time.GetTimestamp();
    }

    /// <summary>Time the run has executed, over all segments.</summary>
    public TimeSpan Active => activeBefore + time.GetElapsedTime(startedAt);

    public RunTotals Totals
    {
        get { lock (gate) return totals; }
    }

    public void BatchSucceeded(long wallets, long fills, long rowsWritten, int retries)
    {
        lock (gate)
        {
            totals = totals with
            {
                BatchesDone = totals.BatchesDone + 1,
                WalletsDone = totals.WalletsDone + wallets,
                FillsDone = totals.FillsDone + fills,
                RowsWritten = totals.RowsWritten + rowsWritten,
                Retries = totals.Retries + retries,
            };
            segmentFills += fills;
            segmentWallets += wallets;
        }
    }

    public void BatchFailed(int retries)
    {
        lock (gate)
            totals = totals with { BatchesFailed = totals.BatchesFailed + 1, Retries = totals.Retries + retries };
    }

    /// <param name="running">While running: rates of this segment and an ETA. At the end: rates over the whole run,
    /// planning and earlier segments included.</param>
    public ProgressSnapshot Snapshot(bool running)
    {
        lock (gate)
            return running
                ? ProgressMath.Snapshot(totals, Active, estimate: true, segmentFills, segmentWallets, time.GetElapsedTime(startedAt))
                : ProgressMath.Snapshot(totals, Active, estimate: false);
    }
}
