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

    public void BatchSucceeded(long wallets, long fills, long rowsWritten)
    {
        lock (gate)
        {
            totals = totals with
            {
                BatchesDone = totals.BatchesDone + 1,
                WalletsDone = totals.WalletsDone + wallets,
                FillsDone = totals.FillsDone + fills,
                RowsWritten = totals.RowsWritten + rowsWritten,
            };
            segmentFills += fills;
            segmentWallets += wallets;
        }
    }

    public void BatchFailed(long fills)
    {
        lock (gate)
            totals = totals with { BatchesFailed = totals.BatchesFailed + 1, FillsFailed = totals.FillsFailed + fills };
    }

    /// <summary>A batch is retried (or split): counted at once, not when the batch ends, which may be hours later.</summary>
    public void BatchRetried()
    {
        lock (gate)
            totals = totals with { Retries = totals.Retries + 1 };
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
