using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;

namespace Fifo.Backfill.Progress;

/// <summary>Turns counts and elapsed time into the rates and ETA of a <see cref="ProgressSnapshot"/>.</summary>
internal static class ProgressMath
{
    /// <param name="totals">Counts of the whole run.</param>
    /// <param name="elapsed">Time the run has been executing.</param>
    /// <param name="estimate">Whether to give an ETA (only while the run executes).</param>
    /// <param name="rateFills">Fills the rates are measured over; defaults to all fills done.</param>
    /// <param name="rateWallets">Wallets the rates are measured over; defaults to all wallets done.</param>
    /// <param name="rateTime">Time the rates are measured over; defaults to <paramref name="elapsed"/>.</param>
    public static ProgressSnapshot Snapshot(RunTotals totals, TimeSpan elapsed, bool estimate,
        long? rateFills = null, long? rateWallets = null, TimeSpan? rateTime = null)
    {
        var seconds = (rateTime ?? elapsed).TotalSeconds;
        var fillsPerSecond = seconds > 0 ? (rateFills ?? totals.FillsDone) / seconds : 0;
        var walletsPerMinute = seconds > 0 ? (rateWallets ?? totals.WalletsDone) * 60 / seconds : 0;
        // Failed batches' fills are finished too (until a retry): counting them as remaining kept the ETA above 0.
        var remaining = totals.FillsTotal - totals.FillsDone - totals.FillsFailed;
        TimeSpan? eta = !estimate ? null
            : remaining <= 0 ? TimeSpan.Zero
            : fillsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Min(remaining / fillsPerSecond, TimeSpan.MaxValue.TotalSeconds / 2))
            : null;
        return new ProgressSnapshot(totals.BatchesTotal, totals.BatchesDone, totals.BatchesFailed, totals.WalletsTotal,
            totals.WalletsDone, totals.FillsTotal, totals.FillsDone, totals.RowsWritten, totals.Retries,
            fillsPerSecond, walletsPerMinute, elapsed, eta);
    }
}
