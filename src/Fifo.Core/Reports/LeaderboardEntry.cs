namespace Fifo.Core.Reports;

public sealed record LeaderboardEntry(
    int Rank,
    string Wallet,
    double TotalPnl,
    double TotalCost,
    double Roi,
    double WinRate,
    long Positions,
    long Lots,
    double VolumeUsd);
