using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Leaderboards;

/// <summary>
/// Each sort column as a fixed SQL expression over the wallet summary and the same value in C#. A direct expression
/// per column sorts about twice as fast as one parameterised multiIf over all of them, which ClickHouse evaluates in full.
/// </summary>
internal static class LeaderboardMetric
{
    public static string Sql(LeaderboardSort sort) => sort switch
    {
        LeaderboardSort.Pnl => "total_pnl",
        LeaderboardSort.Roi => "if(total_cost > 0, total_pnl / total_cost, 0)",
        LeaderboardSort.WinRate => "if(lots > 0, wins / lots, 0)",
        LeaderboardSort.Positions => "positions",
        LeaderboardSort.Volume => "volume_usd",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort column."),
    };

    public static double Value(LeaderboardSort sort, LeaderboardCandidate c) => sort switch
    {
        LeaderboardSort.Pnl => c.TotalPnl,
        LeaderboardSort.Roi => c.Roi,
        LeaderboardSort.WinRate => c.WinRate,
        LeaderboardSort.Positions => c.Positions,
        LeaderboardSort.Volume => c.VolumeUsd,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort column."),
    };

    /// <summary>leaderboard_candidates.sql with the metric and direction filled in.</summary>
    public static string CandidatesSql(string script, LeaderboardSort sort, bool descending) =>
        script.Replace("__METRIC__", Sql(sort), StringComparison.Ordinal)
            .Replace("__DIRECTION__", descending ? "DESC" : "ASC", StringComparison.Ordinal);
}
