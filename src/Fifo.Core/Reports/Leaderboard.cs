namespace Fifo.Core.Reports;

public sealed record Leaderboard(IReadOnlyList<LeaderboardEntry> Entries, TimeSpan QueryTime);
