using System.Diagnostics;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Reports;
using Microsoft.Extensions.Logging;

namespace Fifo.ClickHouse.Reports.Wallets;

/// <summary>
/// One wallet in full: the stored rows plus the open lots the reference engine computes on the fly, and a
/// recompute-and-diff of the stored rows against the reference engine (the spec's 1e-6 USD tolerance).
/// </summary>
public sealed class WalletSpotCheckService(WalletDataReader reader, ILogger<WalletSpotCheckService> logger) : IWalletSpotCheckService
{
    public async Task<WalletReport> GetAsync(string wallet, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var data = await reader.ReadAsync(wallet, cancellationToken);
        var lots = data.StoredLots
            .Concat(data.ReferenceLots.Where(l => l.Status == LotStatus.Open))
            .OrderBy(l => l.ConditionId, StringComparer.Ordinal)
            .ThenBy(l => l.OutcomeIndex)
            .ThenBy(l => l.EntryTime)
            .ThenBy(l => l.TxHash, StringComparer.Ordinal)
            .ToList();
        stopwatch.Stop();
        return new WalletReport(
            data.Wallet, data.FillRows, WalletSummaryCalculator.Totals(lots), lots, WalletSummaryCalculator.PnlOverTime(lots),
            stopwatch.Elapsed);
    }

    public async Task<WalletComparison> CompareAsync(string wallet, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var data = await reader.ReadAsync(wallet, cancellationToken);
        var reference = data.ReferenceLots.Where(l => l.Status != LotStatus.Open).ToList();
        var differences = LotComparison.Compare(data.StoredLots, reference);
        stopwatch.Stop();
        if (differences.Count > 0)
            logger.LogWarning("Wallet {Wallet}: {Differences} stored lots differ from the reference engine; first: {First} {Description}",
                data.Wallet, differences.Count, differences[0].Key, differences[0].Description);
        return new WalletComparison(data.Wallet, data.StoredLots.Count, reference.Count, differences, stopwatch.Elapsed);
    }
}
