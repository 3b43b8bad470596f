using System.Globalization;
using Dapper;
using Fifo.Backfill.Planning;
using Fifo.Backfill.Runs;
using Fifo.Backfill.Tests.Support;
using Fifo.ClickHouse.Engine;
using Fifo.Core.Backfill;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Backfill.Tests.Planning;

/// <summary>Planning against real tables: which wallets a run computes, and how they are cut into batches.</summary>
public sealed class RunPlannerTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly BackfillOptions Options = new();

    [Fact]
    public async Task A_full_run_plans_every_wallet_with_fill_rows_weighed_by_counted_fills()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = await BackfillServices.CreateAsync(db);
        string a = Wallet(0xa), b = Wallet(0xb), tiny = Wallet(0xc), other = Wallet(0x5);
        await SourceRows.InsertFillsAsync(db,
        [
            Buy(a, "c1", 1), Buy(a, "c1", 2), Buy(a, "c2", 3),
            Buy(a, "c1", 4) with { Source = "ctf_token" },
            Buy(a, "c1", 5) with { IsSelfFill = true, IsMaker = true },
            Buy(b, "c1", 6),
            Buy(tiny, "c1", 7) with { TokensDelta = 0.0000004 },
            Buy(CountedFillsZero, "c1", 8),
            Buy(other, "c1", 9),
        ]);

        var plan = await Planner(services).PlanAsync(
            new BackfillRequest(BackfillMode.Full, BatchFills: 3, Wallets: WalletRange.Parse("a-f")), Options, default);

        // tiny has fill rows but none that count: it weighs nothing, yet is planned (the engine commits it too).
        Assert.Equal([new WalletSpan(a, a, 1, 3), new WalletSpan(b, tiny, 2, 1)], plan.Batches.Select(x => x.Span));
        Assert.Equal([1, 2], plan.Batches.Select(x => x.BatchNo));
        Assert.All(plan.Batches, x => Assert.Equal(BatchState.Pending, x.State));
        Assert.Equal(WalletRange.Parse("a-f"), plan.Run.Wallets);
        Assert.Equal(3, plan.Run.BatchFills);
        // What the batches are sent: the configured settings and the engine's own.
        Assert.Equal(EngineQuerySettings.For(Options.Settings), plan.Run.Settings);
        Assert.Superset(Options.Settings.ToHashSet(), plan.Run.Settings.ToHashSet());
        Assert.Matches("""^\{"all":[0-9]+\}$""", plan.Run.Marks.FillsParts);
        Assert.Equal("{}", plan.Run.Marks.ResolutionsParts); // a MergeTree table without parts yet
        var recorded = await services.GetRequiredService<BackfillStore>().ListBatchesAsync(plan.Run.RunId, default);
        Assert.Equal(plan.Batches, recorded);
    }

    [Fact]
    public async Task An_incremental_run_stages_exactly_the_wallets_with_newer_fills_or_re_resolved_markets()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = await BackfillServices.CreateAsync(db);
        var w = Enumerable.Range(1, 6).Select(i => Wallet(i)).ToArray();
        await SourceRows.InsertFillsAsync(db,
        [
            Buy(w[0], "c1", 1), Buy(w[1], "c1", 2), Buy(w[2], "c2", 3), Buy(w[3], "c2", 4),
            Buy(w[4], "c3", 5), Buy(w[5], "c1", 6), Buy(w[5], "c3", 7),
        ]);
        await SourceRows.InsertResolutionsAsync(db, [Resolved("c1", T0)]);
        await CompleteAsync(services, await Planner(services).PlanAsync(new BackfillRequest(), Options, default));

        await SourceRows.InsertFillsAsync(db,
        [
            Buy(w[1], "c1", 10) with { Version = 2 },         // a new fill: _version above the mark
            Buy(w[3], "c2", 11) with { BlockNumber = 2000 },  // a new fill: block_number above the mark
            Buy(w[2], "c2", 3) with { Version = 2, TokensDelta = 7 }, // a new version of an old fill
        ]);
        await SourceRows.InsertResolutionsAsync(db, [Resolved("c3", T0.AddHours(1))]); // resolved since: w[4], w[5]

        var plan = await Planner(services).PlanAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 1), Options, default);

        Assert.NotNull(plan.Run.BaselineRunId);
        Assert.Equal([w[1], w[2], w[3], w[4], w[5]], StagedWallets(plan));
        // Rows are counted for balancing without merging versions: w[2]'s re-versioned fill counts twice.
        Assert.Equal([2, 2, 2, 1, 2], plan.Batches.Select(b => b.Span.Fills));

        // Nothing changed since a completed incremental run: the next one has nothing to do.
        await CompleteAsync(services, plan);
        var idle = await Planner(services).PlanAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 1), Options, default);
        Assert.Empty(idle.Batches);
        Assert.Equal(plan.Run.RunId, idle.Run.BaselineRunId);
    }

    [Fact]
    public async Task Rows_imported_later_with_old_versions_blocks_and_times_are_found_by_their_new_parts()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = await BackfillServices.CreateAsync(db);
        string a = Wallet(1), b = Wallet(2), c = Wallet(3), newcomer = Wallet(4);
        await SourceRows.InsertFillsAsync(db, [Buy(a, "c1", 5), Buy(b, "c2", 6), Buy(c, "c3", 7)]);
        await SourceRows.InsertResolutionsAsync(db, [Resolved("c3", T0)]);
        await CompleteAsync(services, await Planner(services).PlanAsync(new BackfillRequest(), Options, default));

        // Imported history: _version, block_number, event_time and insert_time all lower than anything before.
        await SourceRows.InsertFillsAsync(db,
            [Buy(a, "c1", 1) with { BlockNumber = 10, Version = 0 }, Buy(newcomer, "c9", 2) with { BlockNumber = 10, Version = 0 }]);
        await SourceRows.InsertResolutionsAsync(db, [Resolved("c2", T0.AddYears(-3))]);
        var plan = await Planner(services).PlanAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 1), Options, default);

        Assert.NotNull(plan.Run.BaselineRunId);
        Assert.Equal([a, b, newcomer], StagedWallets(plan));
    }

    [Fact]
    public async Task A_fills_table_without_parts_of_its_own_makes_an_incremental_run_compute_every_wallet()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        (await BackfillServices.CreateAsync(db)).Dispose(); // creates the source tables
        await using (var connection = await db.OpenConnectionAsync())
            await connection.ExecuteAsync("CREATE VIEW fills_view AS SELECT * FROM pm_canonical_fills_v4_deduped");
        await using var services = await BackfillServices.CreateAsync(db, settings: ("Tables:Fills", "fills_view"));
        string a = Wallet(1), b = Wallet(2);
        await SourceRows.InsertFillsAsync(db, [Buy(a, "c1", 1), Buy(b, "c1", 2)]);
        var full = await Planner(services).PlanAsync(new BackfillRequest(), Options, default);
        await CompleteAsync(services, full);

        var plan = await Planner(services).PlanAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 1), Options, default);

        Assert.Equal("", full.Run.Marks.FillsParts);
        Assert.Null(plan.Run.BaselineRunId);
        Assert.Equal([a, b], StagedWallets(plan));
    }

    [Fact]
    public async Task An_incremental_run_starts_from_a_completed_run_over_the_same_range_only()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = await BackfillServices.CreateAsync(db);
        string low = Wallet(0x1), high = Wallet(0xe);
        await SourceRows.InsertFillsAsync(db, [Buy(low, "c1", 1), Buy(high, "c1", 2)]);
        var all = await Planner(services).PlanAsync(new BackfillRequest(), Options, default);
        await CompleteAsync(services, all);
        var failedOfRange = await Planner(services).PlanAsync(new BackfillRequest(Wallets: WalletRange.Parse("0-7")), Options, default);
        await services.GetRequiredService<BackfillStore>().AppendRunAsync(failedOfRange.Run with { State = RunState.Failed }, default);

        var ofRange = await Planner(services).PlanAsync(
            new BackfillRequest(BackfillMode.Incremental, BatchFills: 1, Wallets: WalletRange.Parse("0-7")), Options, default);
        var ofAll = await Planner(services).PlanAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 1), Options, default);

        Assert.Null(ofRange.Run.BaselineRunId);
        Assert.Equal([low], StagedWallets(ofRange));
        Assert.Equal(all.Run.RunId, ofAll.Run.BaselineRunId);
        Assert.Empty(ofAll.Batches);
    }

    private const string CountedFillsZero = Fifo.Core.Lots.CountedFills.ZeroAddress;

    private static RunPlanner Planner(IServiceProvider services) => services.GetRequiredService<RunPlanner>();

    private static Task CompleteAsync(IServiceProvider services, RunPlan plan) =>
        services.GetRequiredService<BackfillStore>().AppendRunAsync(plan.Run with { State = RunState.Completed }, default);

    /// <summary>The wallets of a plan made with one fill per batch: every wallet is a batch of its own.</summary>
    private static IReadOnlyList<string> StagedWallets(RunPlan plan)
    {
        Assert.All(plan.Batches, b => Assert.Equal(1, b.Span.Wallets));
        return plan.Batches.Select(b => b.Span.FirstWallet).ToList();
    }

    private static string Wallet(int n) => "0x" + n.ToString("x", CultureInfo.InvariantCulture) + new string('0', 39);

    private static Fill Buy(string wallet, string condition, int n) => new(
        FillId: $"clob_tx{n}_order{n}-t", TxHash: $"0xtx{n}", Wallet: wallet, ConditionId: condition.PadRight(64, '0'),
        OutcomeIndex: 0, TokensDelta: 10, UsdcDelta: -4, EventTime: T0.AddMinutes(n), Source: "clob", IsMaker: false,
        IsSelfFill: false, BlockNumber: 1000, Version: 1);

    private static Resolution Resolved(string condition, DateTime insertTime) =>
        new(condition.PadRight(64, '0'), "[1,0]", "1", insertTime, IsDeleted: false, insertTime);
}
