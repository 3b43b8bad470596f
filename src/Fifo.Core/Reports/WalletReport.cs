using Fifo.Core.Model;

namespace Fifo.Core.Reports;

/// <summary>One wallet's lots: the stored rows plus the open lots the reference engine computes on the fly.</summary>
/// <param name="FillRows">Rows of the wallet in the fills table (any source, duplicates included).</param>
public sealed record WalletReport(
    string Wallet,
    int FillRows,
    WalletTotals Totals,
    IReadOnlyList<LotRow> Lots,
    IReadOnlyList<(DateTime At, double CumulativePnl)> PnlOverTime,
    TimeSpan QueryTime)
{
    /// <summary>Nothing is known about the wallet: no fill row and no lot.</summary>
    public bool IsUnknown => FillRows == 0 && Lots.Count == 0;
}
