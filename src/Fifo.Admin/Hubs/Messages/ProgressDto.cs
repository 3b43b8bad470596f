using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

/// <summary>Counts and throughput of a run; times in milliseconds.</summary>
public sealed record ProgressDto(
    int BatchesTotal,
    int BatchesDone,
    int BatchesFailed,
    long WalletsTotal,
    long WalletsDone,
    long FillsTotal,
    long FillsDone,
    long RowsWritten,
    int Retries,
    double FillsPerSecond,
    double WalletsPerMinute,
    double ElapsedMs,
    double? EtaMs)
{
    public static ProgressDto From(ProgressSnapshot p) => new(
        p.BatchesTotal, p.BatchesDone, p.BatchesFailed, p.WalletsTotal, p.WalletsDone, p.FillsTotal, p.FillsDone,
        p.RowsWritten, p.Retries, p.FillsPerSecond, p.WalletsPerMinute, p.Elapsed.TotalMilliseconds, p.Eta?.TotalMilliseconds);
}
