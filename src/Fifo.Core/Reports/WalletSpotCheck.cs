using Fifo.Core.Model;

namespace Fifo.Core.Reports;

public sealed record WalletTotals(
    double TotalPnl,
    double TotalCost,
    double Roi,
    double WinRate,
    long ResolvedLots,
    long ClosedLots,
    long OpenLots,
    long Positions);

/// <summary>A stored row that differs from the reference engine's (either side may be missing).</summary>
public sealed record LotDifference(string Key, LotRow? Stored, LotRow? Reference, string Description);

/// <summary>One wallet's lots: the stored rows plus the open lots the reference engine computes on the fly.</summary>
public sealed record WalletReport(
    string Wallet,
    WalletTotals Totals,
    IReadOnlyList<LotRow> Lots,
    IReadOnlyList<(DateTime At, double CumulativePnl)> PnlOverTime,
    TimeSpan QueryTime);

public sealed record WalletComparison(string Wallet, int StoredRows, int ReferenceRows, IReadOnlyList<LotDifference> Differences, TimeSpan Duration)
{
    public bool Matches => Differences.Count == 0;
}

public interface IWalletSpotCheckService
{
    /// <exception cref="ArgumentException">Not a wallet address.</exception>
    Task<WalletReport> GetAsync(string wallet, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the wallet with the reference engine and diffs it against the stored rows.</summary>
    Task<WalletComparison> CompareAsync(string wallet, CancellationToken cancellationToken = default);
}
