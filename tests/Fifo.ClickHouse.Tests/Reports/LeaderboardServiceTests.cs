using Fifo.Core.Reports;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

/// <summary>Leaderboard over hand-made wallet summaries, superseded computations included.</summary>
public sealed class LeaderboardServiceTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>, IAsyncLifetime
{
    private static readonly DateTime T = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private ReportDatabase reports = null!;

    private static string W(int n) => "0x" + n.ToString("x40");

    private static WalletSummaryRow Row(int wallet, ulong version, double pnl, double cost, uint positions = 5, uint lots = 10, uint wins = 5, double volume = 100) =>
        new(W(wallet), version, RunId: "test", positions, lots, ResolvedLots: lots, ClosedLots: 0, wins, pnl, cost, volume, T, T);

    public async Task InitializeAsync()
    {
        reports = await ReportDatabase.CreateAsync(db);
        await reports.InsertSummariesAsync(
        [
            Row(1, 10, pnl: 500, cost: 1000, positions: 9, lots: 20, wins: 15, volume: 3000),
            Row(2, 10, pnl: 300, cost: 100, positions: 2, lots: 4, wins: 1, volume: 150),
            Row(3, 10, pnl: -50, cost: 500, positions: 4, lots: 8, wins: 2, volume: 900),
            Row(4, 10, pnl: 300, cost: 3000, positions: 7, lots: 10, wins: 9, volume: 5000),
            // Wallet 5's newest computation lost money; its superseded one (lower version) would top the board.
            Row(5, 12, pnl: -10, cost: 50, positions: 1, lots: 1, wins: 0, volume: 50),
            Row(6, 10, pnl: 0, cost: 0, positions: 0, lots: 0, wins: 0, volume: 0),
        ]);
        // Separate inserts make separate parts, as successive backfills do; nothing is merged in between.
        await reports.InsertSummariesAsync([Row(5, 11, pnl: 10_000, cost: 100, positions: 50, lots: 90, wins: 80, volume: 90_000)]);
        await reports.InsertSummariesAsync([Row(1, 9, pnl: 1, cost: 1)]);
    }

    public async Task DisposeAsync() => await reports.DisposeAsync();

    private Task<Leaderboard> GetAsync(LeaderboardQuery query) => reports.Get<ILeaderboardService>().GetAsync(query);

    [Fact]
    public async Task Ranks_wallets_by_pnl_from_their_newest_computation_only()
    {
        var board = await GetAsync(new LeaderboardQuery(Top: 10));

        Assert.Equal([W(1), W(2), W(4), W(6), W(5), W(3)], board.Entries.Select(e => e.Wallet));
        Assert.Equal([1, 2, 3, 4, 5, 6], board.Entries.Select(e => e.Rank));
        var first = board.Entries[0];
        Assert.Equal((500.0, 1000.0, 0.5, 0.75, 9L, 20L, 3000.0),
            (first.TotalPnl, first.TotalCost, first.Roi, first.WinRate, first.Positions, first.Lots, first.VolumeUsd));
        Assert.Equal(-10, Assert.Single(board.Entries, e => e.Wallet == W(5)).TotalPnl);
        Assert.True(board.QueryTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Top_n_cuts_the_list_and_equal_values_rank_by_wallet()
    {
        var board = await GetAsync(new LeaderboardQuery(Top: 3));

        // Wallets 2 and 4 both made 300: the lower address ranks first.
        Assert.Equal([W(1), W(2), W(4)], board.Entries.Select(e => e.Wallet));
    }

    [Fact]
    public async Task Ties_at_the_cut_off_rank_by_wallet_however_many_there_are()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var tied = await ReportDatabase.CreateAsync(database);
        // 300 wallets with 3 positions each, written highest address first over several parts.
        foreach (var chunk in Enumerable.Range(1, 300).Reverse().Chunk(50))
            await tied.InsertSummariesAsync(chunk.Select(w => Row(w, 1, pnl: w, cost: 10, positions: 3)));

        var board = await tied.Get<ILeaderboardService>().GetAsync(new LeaderboardQuery(Top: 10, SortBy: LeaderboardSort.Positions));

        Assert.Equal(Enumerable.Range(1, 10).Select(W), board.Entries.Select(e => e.Wallet));
    }

    [Theory]
    [InlineData(LeaderboardSort.Roi, true, new[] { 2, 1, 4, 6, 3, 5 })]
    [InlineData(LeaderboardSort.WinRate, true, new[] { 4, 1, 2, 3, 5, 6 })]
    [InlineData(LeaderboardSort.Positions, true, new[] { 1, 4, 3, 2, 5, 6 })]
    [InlineData(LeaderboardSort.Volume, true, new[] { 4, 1, 3, 2, 5, 6 })]
    [InlineData(LeaderboardSort.Pnl, false, new[] { 3, 5, 6, 2, 4, 1 })]
    public async Task Sorts_by_any_column_either_way(LeaderboardSort sort, bool descending, int[] expected)
    {
        var board = await GetAsync(new LeaderboardQuery(Top: 10, SortBy: sort, Descending: descending));

        Assert.Equal(expected.Select(W), board.Entries.Select(e => e.Wallet));
    }

    [Fact]
    public async Task Filters_apply_to_the_newest_computation()
    {
        // Wallet 5's superseded row had 50 positions and cost 100; its newest has 1 position and cost 50.
        var board = await GetAsync(new LeaderboardQuery(Top: 10, MinPositions: 4, MinCostUsd: 400));

        Assert.Equal([W(1), W(4), W(3)], board.Entries.Select(e => e.Wallet));
    }

    [Fact]
    public async Task Finds_enough_wallets_when_superseded_rows_crowd_the_top()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var crowded = await ReportDatabase.CreateAsync(database);
        // 40 wallets whose old computations all beat every current one.
        await crowded.InsertSummariesAsync(Enumerable.Range(1, 40).Select(w => Row(w, 1, pnl: 1000 + w, cost: 10)));
        await crowded.InsertSummariesAsync(Enumerable.Range(1, 40).Select(w => Row(w, 2, pnl: w, cost: 10)));

        var board = await crowded.Get<ILeaderboardService>().GetAsync(new LeaderboardQuery(Top: 5));

        Assert.Equal([40, 39, 38, 37, 36], board.Entries.Select(e => (int)e.TotalPnl));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10_001, 0, 0)]
    [InlineData(10, -1, 0)]
    [InlineData(10, 0, double.NaN)]
    public async Task Rejects_invalid_queries(int top, int minPositions, double minCost)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GetAsync(new LeaderboardQuery(top, MinPositions: minPositions, MinCostUsd: minCost)));
    }

    [Fact]
    public async Task Empty_summary_gives_an_empty_board()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var empty = await ReportDatabase.CreateAsync(database);

        Assert.Empty((await empty.Get<ILeaderboardService>().GetAsync(new LeaderboardQuery())).Entries);
    }
}
