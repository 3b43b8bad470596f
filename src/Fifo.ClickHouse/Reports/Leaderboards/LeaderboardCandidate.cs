namespace Fifo.ClickHouse.Reports.Leaderboards;

/// <summary>A wallet-summary row as leaderboard_candidates.sql returns it.</summary>
internal sealed record LeaderboardCandidate(
    string Wallet,
    ulong Version,
    uint Positions,
    uint Lots,
    uint Wins,
    double TotalPnl,
    double TotalCost,
    double VolumeUsd)
{
    public double Roi => TotalCost > 0 ? TotalPnl / TotalCost : 0;

    /// <summary>Winning lots (pnl &gt; 0) among the wallet's stored (resolved or closed) lots.</summary>
    public double WinRate => Lots > 0 ? (double)Wins / Lots : 0;
}
