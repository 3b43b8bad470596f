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
