namespace Fifo.Core.Reports;

public sealed record LeaderboardQuery(
    int Top = 100,
    LeaderboardSort SortBy = LeaderboardSort.Pnl,
    bool Descending = true,
    int MinPositions = 0,
    double MinCostUsd = 0);
