using Fifo.ClickHouse.Reports;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Reports;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

/// <summary>
/// The PnL leaderboard on a wallet summary of several granules, read through the by_total_pnl projection (the small
/// summaries of <see cref="LeaderboardServiceTests"/> are read through it too).
/// </summary>
public sealed class LeaderboardProjectionTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private const int Wallets = 40_000;
    private static readonly DateTime T = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static WalletSummaryRow Row(int wallet, ulong version, double pnl) =>
        new("0x" + wallet.ToString("x40"), version, RunId: "test", Positions: 3, Lots: 4, ResolvedLots: 4, ClosedLots: 0,
            Wins: 2, pnl, TotalCost: 100, VolumeUsd: 100, T, T);

    [Fact]
    public async Task A_large_summary_is_ranked_through_the_projection_with_superseded_rows_dropped()
    {
        await using var reports = await ReportDatabase.CreateAsync(db);
        // Distinct PnLs in a scrambled order; wallet 7's newest computation lost money, its older one would lead.
        var rows = Enumerable.Range(0, Wallets).Select(n => Row(n, 10, (n * 7919L % Wallets) - Wallets / 2.0)).ToList();
        await reports.InsertSummariesAsync(rows);
        await reports.InsertSummariesAsync([Row(7, 9, 1e9)]);
        await reports.InsertSummariesAsync([Row(7, 11, -1e9)]);

        var board = await reports.Get<ILeaderboardService>().GetAsync(new LeaderboardQuery(Top: 100));

        var expected = rows.Where(r => r.Wallet != Row(7, 0, 0).Wallet)
            .OrderByDescending(r => r.TotalPnl).Take(100).Select(r => r.Wallet);
        Assert.Equal(expected, board.Entries.Select(e => e.Wallet));
        // The plan reads the projection, not the table.
        var scripts = reports.Get<SqlScripts>();
        var plan = await reports.Get<ReportQueries>().QuerySqlAsync<string>(scripts.Render(
            "EXPLAIN SELECT wallet FROM {{WalletSummary}} ORDER BY total_pnl DESC LIMIT 125 SETTINGS force_optimize_projection = 1"),
            null, CancellationToken.None);
        Assert.Contains(plan, line => line.Contains("ReadFromMergeTree (by_total_pnl)", StringComparison.Ordinal));
    }
}
