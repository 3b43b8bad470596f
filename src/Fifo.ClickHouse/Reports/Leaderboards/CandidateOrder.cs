using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Leaderboards;

/// <summary>The leaderboard's order: the chosen metric, ties by wallet (ascending) so equal values rank stably.</summary>
internal sealed class CandidateOrder(LeaderboardSort sortBy, bool descending) : IComparer<LeaderboardCandidate>
{
    public int Compare(LeaderboardCandidate? x, LeaderboardCandidate? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        var byMetric = LeaderboardMetric.Value(sortBy, x).CompareTo(LeaderboardMetric.Value(sortBy, y));
        if (descending)
            byMetric = -byMetric;
        return byMetric != 0 ? byMetric : string.CompareOrdinal(x.Wallet, y.Wallet);
    }
}
