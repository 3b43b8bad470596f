namespace Fifo.Core.Reports;

public interface ILeaderboardService
{
    Task<Leaderboard> GetAsync(LeaderboardQuery query, CancellationToken cancellationToken = default);
}
