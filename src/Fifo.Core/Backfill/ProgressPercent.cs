namespace Fifo.Core.Backfill;

/// <summary>How far a run has got, in percent: the one figure the CLI's progress bar and the console's show.</summary>
public static class ProgressPercent
{
    /// <summary>
    /// 100 once every batch has finished, failed ones included: their fills are not done, but not to do either
    /// (until a retry), so a run that ended with failed batches is not left short of the end. Before that, the share
    /// of fills done (batches are balanced by fills, so this tracks time best), or of batches when fills are unknown.
    /// </summary>
    public static double Finished(ProgressSnapshot p) =>
        p.BatchesDone + p.BatchesFailed >= p.BatchesTotal ? 100
        : p.FillsTotal > 0 ? Math.Min(100, 100.0 * p.FillsDone / p.FillsTotal)
        : 100.0 * p.BatchesDone / p.BatchesTotal;
}
