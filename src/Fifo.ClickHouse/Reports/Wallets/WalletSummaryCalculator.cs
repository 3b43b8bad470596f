using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Wallets;

/// <summary>A wallet's totals and PnL curve from its lots.</summary>
public static class WalletSummaryCalculator
{
    /// <summary>
    /// PnL, cost, ROI and win rate count the stored (resolved and closed) lots only, as the leaderboard does: an open
    /// lot's PnL is not known yet. Lot counts and positions include open lots.
    /// </summary>
    public static WalletTotals Totals(IReadOnlyCollection<LotRow> lots)
    {
        var final = lots.Where(l => l.Status != LotStatus.Open).ToList();
        var pnl = final.Sum(l => l.PnlUsd);
        var cost = final.Sum(l => l.CostUsd);
        return new WalletTotals(
            TotalPnl: pnl,
            TotalCost: cost,
            Roi: cost > 0 ? pnl / cost : 0,
            WinRate: final.Count > 0 ? (double)final.Count(l => l.PnlUsd > 0) / final.Count : 0,
            ResolvedLots: lots.Count(l => l.Status == LotStatus.Resolved),
            ClosedLots: lots.Count(l => l.Status == LotStatus.Closed),
            OpenLots: lots.Count(l => l.Status == LotStatus.Open),
            Positions: lots.Select(PositionKey.Of).Distinct().Count());
    }

    /// <summary>Cumulative PnL of the stored lots in the order it became final (see <see cref="RealizedAt"/>).</summary>
    public static IReadOnlyList<(DateTime At, double CumulativePnl)> PnlOverTime(IEnumerable<LotRow> lots)
    {
        var curve = new List<(DateTime At, double CumulativePnl)>();
        var total = 0.0;
        foreach (var group in lots.Where(l => l.Status != LotStatus.Open).GroupBy(RealizedAt).OrderBy(g => g.Key))
        {
            total += group.Sum(l => l.PnlUsd);
            curve.Add((group.Key, total));
        }
        return curve;
    }

    /// <summary>
    /// When a lot's PnL became final: at resolution when tokens were still held then, otherwise at its last closing
    /// fill (a lot sold out before resolution made its money then).
    /// </summary>
    public static DateTime RealizedAt(LotRow lot) =>
        lot.ResolvedAt is { } resolved && (lot.TokensHeld > 0 || lot.ExitTime is null)
            ? resolved
            : lot.ExitTime ?? lot.EntryTime;
}
