using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Reports;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

public sealed class WalletSpotCheckServiceTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private static readonly FifoScenario Scenario = FifoScenario.Merge(FifoGenerators.Sample(seed: 7, count: 12));

    /// <summary>Loads the scenario and commits its reference lots; each loading test uses a database of its own.</summary>
    private static async Task<ReportDatabase> LoadAsync(ClickHouseTestDatabase database, ulong version = 1)
    {
        var reports = await ReportDatabase.CreateAsync(database);
        await reports.InsertScenarioAsync(Scenario);
        await reports.CommitLotsAsync(ReportDatabase.ReferenceStoredLots(Scenario), version);
        return reports;
    }

    private static IEnumerable<string> RealWallets => Scenario.Wallets.Where(w => w != CountedFills.ZeroAddress);

    [Fact]
    public async Task Stored_reference_lots_match_the_reference_engine_for_every_wallet()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await LoadAsync(database);
        var service = reports.Get<IWalletSpotCheckService>();

        foreach (var wallet in RealWallets)
        {
            var comparison = await service.CompareAsync(wallet);

            Assert.True(comparison.Matches, $"{wallet}: {string.Join("\n", comparison.Differences.Select(d => d.Description))}");
            Assert.Equal(comparison.ReferenceRows, comparison.StoredRows);
        }
        Assert.Contains(RealWallets, w => ReportDatabase.ReferenceStoredLots(Scenario).Any(l => l.Wallet == w));
    }

    [Fact]
    public async Task Report_shows_stored_rows_plus_open_lots_with_totals_and_a_pnl_curve()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await LoadAsync(database);
        var service = reports.Get<IWalletSpotCheckService>();
        var all = FifoReferenceEngine.Compute(Scenario.Fills, ResolutionSelector.Select(Scenario.Resolutions).Payouts, new());
        var wallet = all.GroupBy(l => l.Wallet).First(g => g.Any(l => l.Status == LotStatus.Open) && g.Any(l => l.Status != LotStatus.Open)).Key;
        var expected = all.Where(l => l.Wallet == wallet).ToList();

        var report = await service.GetAsync(wallet.ToUpperInvariant().Replace("0X", "0x"));

        Assert.Equal(wallet, report.Wallet);
        Assert.Equal(expected.Count, report.Lots.Count);
        Assert.Equal(expected.Count(l => l.Status == LotStatus.Open), report.Totals.OpenLots);
        Assert.Equal(expected.Count(l => l.Status == LotStatus.Resolved), report.Totals.ResolvedLots);
        Assert.Equal(expected.Count(l => l.Status == LotStatus.Closed), report.Totals.ClosedLots);
        var finalPnl = expected.Where(l => l.Status != LotStatus.Open).Sum(l => l.PnlUsd);
        Assert.Equal(finalPnl, report.Totals.TotalPnl, 6);
        Assert.Equal(finalPnl, report.PnlOverTime[^1].CumulativePnl, 6);
        Assert.Equal(report.PnlOverTime.OrderBy(p => p.At).Select(p => p.At), report.PnlOverTime.Select(p => p.At));
        Assert.Equal(expected.Select(PositionKey.Of).Distinct().Count(), report.Totals.Positions);
    }

    [Fact]
    public async Task Differences_are_reported_column_by_column_and_for_missing_or_extra_rows()
    {
        await using var database = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await LoadAsync(database);
        var stored = ReportDatabase.ReferenceStoredLots(Scenario);
        var wallet = stored.GroupBy(l => l.Wallet).First(g => g.Count() >= 3).Key;
        var lots = stored.Where(l => l.Wallet == wallet).ToList();
        var changed = lots[0] with { PnlUsd = lots[0].PnlUsd + 0.5, IsClosed = !lots[0].IsClosed };
        var extra = lots[2] with { TxHash = "clob_0xextra_0xorder-t" };
        // A recomputation of the wallet (newer version): one lot changed, one missing, one that should not exist.
        await reports.CommitLotsAsync([changed, .. lots.Skip(2), extra], version: 2);

        var comparison = await reports.Get<IWalletSpotCheckService>().CompareAsync(wallet);

        Assert.False(comparison.Matches);
        Assert.Equal(3, comparison.Differences.Count);
        var changedDiff = Assert.Single(comparison.Differences, d => d.Key == LotKey.Of(changed).ToString());
        Assert.Contains("pnl_usd", changedDiff.Description);
        Assert.Contains("is_closed", changedDiff.Description);
        Assert.DoesNotContain("cost_usd", changedDiff.Description);
        Assert.Contains(comparison.Differences, d => d.Stored is null && d.Key == LotKey.Of(lots[1]).ToString());
        Assert.Contains(comparison.Differences, d => d.Reference is null && d.Key == LotKey.Of(extra).ToString());
    }

    [Theory]
    [InlineData("0x123")]
    [InlineData("1111111111111111111111111111111111111111")]
    [InlineData("0xgggggggggggggggggggggggggggggggggggggggg")]
    [InlineData("")]
    public async Task Rejects_anything_but_a_wallet_address(string wallet)
    {
        await using var reports = await ReportDatabase.CreateAsync(db);
        var service = reports.Get<IWalletSpotCheckService>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => service.GetAsync(wallet));
        await Assert.ThrowsAsync<ArgumentException>(() => service.CompareAsync(wallet));
        Assert.Contains("40 hex", error.Message);
    }

    [Fact]
    public async Task Unknown_wallet_has_no_lots()
    {
        await using var reports = await ReportDatabase.CreateAsync(db);

        var report = await reports.Get<IWalletSpotCheckService>().GetAsync("0x" + new string('9', 40));

        Assert.Empty(report.Lots);
        Assert.Equal(0, report.Totals.Positions);
        Assert.Empty(report.PnlOverTime);
    }
}
