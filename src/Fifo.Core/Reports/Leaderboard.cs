namespace Fifo.Core.Reports;

public enum LeaderboardSort { Pnl, Roi, WinRate, Positions, Volume }

public sealed record LeaderboardQuery(
    int Top = 100,
    LeaderboardSort SortBy = LeaderboardSort.Pnl,
    bool Descending = true,
    int MinPositions = 0,
    double MinCostUsd = 0);

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

public sealed record Leaderboard(IReadOnlyList<LeaderboardEntry> Entries, TimeSpan QueryTime);

public interface ILeaderboardService
{
    Task<Leaderboard> GetAsync(LeaderboardQuery query, CancellationToken cancellationToken = default);
}
