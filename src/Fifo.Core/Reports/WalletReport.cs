using Fifo.Core.Model;

namespace Fifo.Core.Reports;

/// <summary>One wallet's lots: the stored rows plus the open lots the reference engine computes on the fly.</summary>
public sealed record WalletReport(
    string Wallet,
    WalletTotals Totals,
    IReadOnlyList<LotRow> Lots,
    IReadOnlyList<(DateTime At, double CumulativePnl)> PnlOverTime,
    TimeSpan QueryTime);
