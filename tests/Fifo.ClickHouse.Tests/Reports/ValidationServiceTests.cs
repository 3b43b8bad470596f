using Dapper;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Core.Reports;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

public sealed class ValidationServiceTests
{
    private static readonly (string, string)[] LenientExpectations =
    [
        ("Validation:MinWinRate", "0"), ("Validation:MaxWinRate", "1"), ("Validation:MinTotalRoi", "-1"),
        ("Validation:MaxTotalRoi", "100"), ("Validation:LeaderboardMaxQueryTime", "00:00:30"),
        // Generated whales trade up to a billion USD per fill.
        ("Validation:MaxAbsLotPnlUsd", "1e12"),
    ];

    private static ValidationCheck Check(ValidationReport report, string id) => Assert.Single(report.Checks, c => c.Id == id);

    [Fact]
    public async Task Reference_lots_of_generated_wallets_pass_every_check_and_odd_inputs_are_reported()
    {
        var scenario = FifoScenario.Merge(FifoGenerators.Sample(seed: 11, count: 40));
        var stored = ReportDatabase.ReferenceStoredLots(scenario);
        var knownWallet = stored.GroupBy(l => l.Wallet).MaxBy(g => g.Count())!.Key;
        var selection = ResolutionSelector.Select(scenario.Resolutions);
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db,
            [.. LenientExpectations, ("Validation:KnownWallets:0:Wallet", knownWallet)]);
        await reports.InsertScenarioAsync(scenario);
        var discovered = scenario.Fills.Where(CountedFills.Counts).Select(f => f.Wallet).ToHashSet();
        await reports.CommitLotsAsync(stored, version: 1, walletsWithoutLots: discovered.Except(stored.Select(l => l.Wallet)));

        var report = await reports.Get<IValidationService>().RunAsync();

        var unexpected = report.Checks.Where(c => c.Status != CheckStatus.Pass && c.Id is not ("payout-formats" or "price-range"));
        Assert.Empty(unexpected.Select(c => $"{c.Id}: {c.Status} {c.Message}"));
        Assert.Equal(11, report.Checks.Count);
        Assert.Equal(selection.Problems.Count, Check(report, "payout-formats").Figures["unparseable"] + Check(report, "payout-formats").Figures["zero_sum"]);
        Assert.Equal(stored.Count(l => l.EntryPrice > 1), Check(report, "price-range").Figures["lots_outside"]);
        Assert.Equal(stored.Count, Check(report, "lot-counts").Figures["lots"]);
        Assert.Equal(discovered.Count, Check(report, "wallet-coverage").Figures["discovered"]);
        Assert.True(Check(report, "conservation").Figures["positions"] > 20);
        Assert.Equal(1, Check(report, "known-wallets").Figures["wallets"]);
        Assert.All(report.Checks, c => Assert.True(c.Duration > TimeSpan.Zero));
    }

    [Fact]
    public async Task Each_kind_of_damage_is_caught_by_its_check()
    {
        var t = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        string W(char c) => "0x" + new string(c, 40);
        string C(char c) => new(c, 64);
        Fill Fill(string id, string wallet, string condition, double tokens, double usdc, int minute) =>
            new(id, "0xtx" + id, wallet, condition, 0, tokens, usdc, t.AddMinutes(minute), "clob", false, false, 1, 1);
        var fills = new[]
        {
            Fill("a1", W('a'), C('1'), 10, -4, 1), Fill("a2", W('a'), C('1'), -4, 2, 2),
            Fill("b1", W('b'), C('2'), 10, -4, 1), Fill("b2", W('b'), C('2'), -10, 5, 2),
            Fill("c1", W('c'), C('2'), 10, -4, 1),
            Fill("d1", W('d'), C('2'), 10, -4, 1), Fill("d2", W('d'), C('2'), -10, 6, 2),
            Fill("e1", W('e'), C('2'), 10, -15, 1),
            Fill("g1", W('g'), C('4'), 10, -4, 1), Fill("g2", W('g'), C('4'), -10, 5, 2),
            // Unusable amounts: never counted, reported by price-range.
            Fill("h1", W('h'), C('2'), double.NaN, -4, 1), Fill("h2", W('h'), C('2'), 10, 1e20, 2),
        };
        var resolutions = new[]
        {
            new Resolution(C('1'), "[1,0]", "1", t.AddDays(1), false, t.AddDays(1)),
            new Resolution(C('3'), "[1,x]", "1", t.AddDays(1), false, t.AddDays(1)),
            // Numerators whose sum overflows: unresolved for the engines, so unparseable for the report.
            new Resolution(C('4'), "[" + new string('9', 400) + ",1]", "", t.AddDays(1), false, t.AddDays(1)),
        };
        var reference = FifoReferenceEngine.Compute(fills, ResolutionSelector.Select(resolutions).Payouts, new FifoOptions());
        LotRow Lot(char wallet) => reference.Single(l => l.Wallet == W(wallet));
        var a = Lot('a') with { PnlUsd = Lot('a').PnlUsd + 1, ExitValue = Lot('a').ExitValue + 1 };   // conservation only
        var b = Lot('b') with { ResolvedAt = t.AddDays(2) };                                             // resolved, yet closed, in an unresolved market
        var c = Lot('c');                                                                                // an open lot
        var d = Lot('d') with { TokensHeld = 1 };                                                        // sold early + held != tokens
        var f = Lot('d') with { Wallet = W('f'), PnlUsd = double.NaN };                                  // non-finite
        var g = Lot('g');                                                                                // closed, correctly unresolved
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db,
            [.. LenientExpectations, ("Validation:KnownWallets:0:Wallet", W('a')), ("Validation:KnownWallets:0:ExpectedTotalPnl", "123")]);
        await reports.InsertFillsAsync(fills);
        await reports.InsertResolutionsAsync(resolutions);
        // h's fills all count for nothing, so a backfill commits it without lots.
        await reports.CommitLotsAsync([a, b, c, d, d, f, g], version: 1, walletsWithoutLots: [W('h')]);

        var report = await reports.Get<IValidationService>().RunAsync();

        Assert.Equal(CheckStatus.Fail, report.Overall);
        Assert.Equal((CheckStatus.Fail, 1.0, 1.0), (Check(report, "lot-counts").Status, Check(report, "lot-counts").Figures["open_stored"], Check(report, "lot-counts").Figures["resolved_and_closed"]));
        Assert.Equal((CheckStatus.Fail, 1.0, 1.0), (Check(report, "wallet-coverage").Status, Check(report, "wallet-coverage").Figures["missing"], Check(report, "wallet-coverage").Figures["without_fills"]));
        Assert.Equal((CheckStatus.Fail, 1.0), (Check(report, "duplicate-keys").Status, Check(report, "duplicate-keys").Figures["extra_rows"]));
        Assert.Equal((CheckStatus.Fail, 2.0), (Check(report, "row-identities").Status, Check(report, "row-identities").Figures["tokens_mismatch"]));
        Assert.Equal((CheckStatus.Fail, 1.0), (Check(report, "conservation").Status, Check(report, "conservation").Figures["wallet_violations"]));
        Assert.Equal((CheckStatus.Fail, 1.0, 0.0), (Check(report, "resolution-consistency").Status,
            Check(report, "resolution-consistency").Figures["resolved_lots_unresolved_market"],
            Check(report, "resolution-consistency").Figures["unresolved_lots_resolved_market"]));
        Assert.Equal((CheckStatus.Warn, 2.0), (Check(report, "payout-formats").Status, Check(report, "payout-formats").Figures["unparseable"]));
        Assert.Contains("[1,x]", Check(report, "payout-formats").Message);
        Assert.Equal((CheckStatus.Warn, 1.0, 2.0), (Check(report, "price-range").Status, Check(report, "price-range").Figures["fills_outside"],
            Check(report, "price-range").Figures["fills_unusable"]));
        Assert.Equal((CheckStatus.Fail, 1.0), (Check(report, "pnl-sanity").Status, Check(report, "pnl-sanity").Figures["non_finite"]));
        var known = Check(report, "known-wallets");
        Assert.Equal((CheckStatus.Fail, 1.0, 1.0), (known.Status, known.Figures["lot_differences"], known.Figures["pnl_mismatches"]));
        Assert.Contains("pnl_usd", known.Message);
        Assert.Equal(CheckStatus.Pass, Check(report, "leaderboard-time").Status);
    }

    [Fact]
    public async Task A_wallet_with_only_non_clob_rows_is_committed_without_lots_and_that_is_not_a_coverage_problem()
    {
        var t = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        string W(char c) => "0x" + new string(c, 40);
        var condition = new string('1', 64);
        Fill Fill(string id, string wallet, double tokens, double usdc, int minute, string source = "clob") =>
            new(id, "0xtx" + id, wallet, condition, 0, tokens, usdc, t.AddMinutes(minute), source, false, false, 1, 1);
        var fills = new[] { Fill("a1", W('a'), 10, -4, 1), Fill("a2", W('a'), -10, 5, 2), Fill("b1", W('b'), 10, 0, 1, "ctf_token") };
        var lots = FifoReferenceEngine.Compute(fills, new Dictionary<string, ConditionPayout>(), new FifoOptions());
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db, LenientExpectations);
        await reports.InsertFillsAsync(fills);
        // As commit_wallets.sql does: every wallet with a fill row gets a computation, b's without lots.
        await reports.CommitLotsAsync(lots, version: 1, walletsWithoutLots: [W('b')]);

        var coverage = Check(await reports.Get<IValidationService>().RunAsync(), "wallet-coverage");

        Assert.Equal((CheckStatus.Pass, 1.0, 2.0, 0.0),
            (coverage.Status, coverage.Figures["discovered"], coverage.Figures["computed"], coverage.Figures["without_fills"]));
    }

    [Fact]
    public async Task Same_opening_fill_in_two_positions_is_not_a_duplicate_key()
    {
        var t = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        var fill = new Fill("f", "0xtx", "0x" + new string('a', 40), new string('1', 64), 0, 10, -4, t, "clob", false, false, 1, 1);
        var lot = FifoReferenceEngine.Compute([fill], new Dictionary<string, ConditionPayout>(), new FifoOptions()).Single();
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db, LenientExpectations);
        await reports.CommitLotsAsync([lot with { IsClosed = true }, lot with { OutcomeIndex = 1, IsClosed = true }], version: 1);

        var duplicates = Check(await reports.Get<IValidationService>().RunAsync(), "duplicate-keys");

        Assert.Equal((CheckStatus.Pass, 0.0), (duplicates.Status, duplicates.Figures["extra_rows"]));
    }

    [Fact]
    public async Task Empty_database_warns_instead_of_failing()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db, LenientExpectations);

        var report = await reports.Get<IValidationService>().RunAsync();

        Assert.Equal(CheckStatus.Warn, report.Overall);
        Assert.Equal(CheckStatus.Warn, Check(report, "lot-counts").Status);
    }

    [Fact]
    public async Task Check_that_cannot_run_fails_with_the_error_and_the_report_completes()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var reports = await ReportDatabase.CreateAsync(db, LenientExpectations);
        await using (var connection = await db.OpenConnectionAsync())
            await connection.ExecuteAsync("DROP VIEW pm_trade_fifo_roi_v3_deduped");

        var report = await reports.Get<IValidationService>().RunAsync();

        var counts = Check(report, "lot-counts");
        Assert.Equal(CheckStatus.Fail, counts.Status);
        Assert.Contains("pm_trade_fifo_roi_v3_deduped", counts.Message);
        Assert.Equal(11, report.Checks.Count);
    }
}
