using Dapper;
using Fifo.Backfill.Tests.Support;
using Fifo.ClickHouse.Connection;
using Fifo.Core.Backfill;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class IncrementalRunTests
{
    /// <summary>The spec's "Which fills count" (without merging fill_id versions, which does not change who trades what).</summary>
    private const string Counted = "source = 'clob' AND wallet != '0x0000000000000000000000000000000000000000' " +
                                   "AND NOT (is_self_fill = 1 AND is_maker = 1) AND round(abs(tokens_delta) * 1000000) >= 1";

    [Fact]
    public async Task An_incremental_run_starts_from_its_ranges_run_however_many_runs_over_other_ranges_came_after()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 40, fills: 3_000);
        var low = new WalletRange(0, 7);
        var full = await harness.Controller.RunAsync(new BackfillRequest(Wallets: low));
        await using (var connection = await harness.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                INSERT INTO fifo_backfill_runs
                    (run_id, revision, state, mode, started_at, heartbeat_at, owner, workers, batch_fills, wallet_range, request, settings)
                SELECT concat('high-', toString(number)), 1, 'Completed', 'Incremental', now64(3) + INTERVAL number SECOND, now64(3),
                       '', 1, 1, '8-f', '{}', '{}'
                FROM numbers(250)
                """);

        var incremental = await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, Wallets: low));

        await harness.AssertCompletedAsync(full);
        await harness.AssertCompletedAsync(incremental);
        Assert.Equal(0, incremental.Progress.WalletsTotal); // nothing changed since the full run over 0-7
    }

    [Fact]
    public async Task An_incremental_run_recomputes_exactly_the_changed_wallets_and_matches_a_full_recomputation()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 120, fills: 10_000);
        var full = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 2_000));
        await using var connection = await harness.Db.OpenConnectionAsync();
        var wallets = (await connection.QueryAsync<string>(
            $"SELECT DISTINCT wallet FROM pm_canonical_fills_v4_deduped WHERE {Counted} ORDER BY wallet")).ToList();
        var marks = await connection.QuerySingleAsync<(ulong Version, ulong Block, DateTime Resolutions)>(
            "SELECT max(_version), max(block_number), (SELECT max(insert_time) FROM pm_condition_resolutions) FROM pm_canonical_fills_v4_deduped");
        // A market to re-resolve, paid the other way round from now on: one that a few wallets trade.
        var market = await connection.QuerySingleAsync<string>(
            $"SELECT condition_id FROM pm_canonical_fills_v4_deduped WHERE {Counted} GROUP BY condition_id HAVING uniqExact(wallet) >= 3 ORDER BY uniqExact(wallet), condition_id LIMIT 1");
        var holders = (await connection.QueryAsync<string>(
            $"SELECT DISTINCT wallet FROM pm_canonical_fills_v4_deduped WHERE condition_id = {{market:String}} AND {Counted}",
            QueryParameters.From(new { market }))).ToList();

        var newWallet = "0x" + new string('e', 39) + "1";
        var traders = new[] { wallets[3], wallets[40], wallets[^2], newWallet };
        var later = DateTime.SpecifyKind(marks.Resolutions, DateTimeKind.Utc).AddDays(30);
        await SourceRows.InsertFillsAsync(harness.Db, traders.Select((wallet, i) => new Fill(
            $"clob_new{i}_order{i}-t", $"0xnew{i}", wallet, new string('f', 64), 0, 25, -10, later.AddMinutes(i), "clob",
            false, false, marks.Block + 1, marks.Version + 1)));
        await SourceRows.InsertResolutionsAsync(harness.Db,
            [new Resolution(market, "[0,1]", "1", later, IsDeleted: false, InsertTime: later)]);

        var incremental = await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 2_000));

        await harness.AssertCompletedAsync(incremental);
        Assert.Equal(BackfillMode.Incremental, incremental.Mode);
        var recomputed = (await connection.QueryAsync<string>(
            "SELECT DISTINCT wallet FROM pm_trade_fifo_roi_v3_wallet_summary WHERE run_id = {runId:String} ORDER BY wallet",
            QueryParameters.From(new { runId = incremental.RunId }))).ToList();
        Assert.Equal(traders.Concat(holders).Distinct().Order(StringComparer.Ordinal), recomputed);
        Assert.Equal(recomputed.Count, incremental.Progress.WalletsDone);
        Assert.True(recomputed.Count < wallets.Count / 2, $"{recomputed.Count} of {wallets.Count} wallets recomputed");
        Assert.All(harness.Executor.Calls.Where(c => c.RunId == incremental.RunId), c => Assert.True(c.StagedWalletsOnly));
        Assert.NotEqual(full.RunId, incremental.RunId);
        Assert.Equal(0UL, await connection.ExecuteScalarAsync<ulong>(
            "SELECT count() FROM fifo_backfill_run_wallets WHERE run_id = {runId:String}",
            QueryParameters.From(new { runId = incremental.RunId }))); // a completed run's staged set is dropped
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());

        var idle = await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental));
        await harness.AssertCompletedAsync(idle);
        Assert.Equal(0, idle.Progress.BatchesTotal);
    }
    /// <summary>
    /// The wallets whose only change is fills later than any they had, in markets without a resolution, are carried
    /// forward from their open lots (their summary row continues the full run's lots version); a wallet whose new fill
    /// repeats one of its fill_ids is recomputed whole; the result is a full recomputation's.
    /// </summary>
    [Fact]
    public async Task An_incremental_run_carries_forward_the_wallets_with_only_later_fills_and_recomputes_the_others()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 80, fills: 8_000);
        await harness.AssertCompletedAsync(await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 2_000)));
        await using var connection = await harness.Db.OpenConnectionAsync();
        var open = (await connection.QueryAsync<(string Wallet, string ConditionId, byte OutcomeIndex)>($"""
            SELECT wallet, condition_id, outcome_index
            FROM pm_canonical_fills_v4_deduped
            WHERE {Counted} AND condition_id NOT IN (SELECT condition_id FROM pm_condition_resolutions)
            GROUP BY wallet, condition_id, outcome_index
            ORDER BY count() DESC, wallet
            LIMIT 4 BY wallet
            """)).DistinctBy(p => p.Wallet).Take(4).ToList();
        var marks = await connection.QuerySingleAsync<(ulong Version, ulong Block, DateTime Time)>(
            "SELECT max(_version), max(block_number), max(event_time) FROM pm_canonical_fills_v4_deduped");
        var later = DateTime.SpecifyKind(marks.Time, DateTimeKind.Utc).AddHours(1);
        var carried = open.Take(3).ToList();
        var repeated = open[3];
        var repeatedFill = await connection.QuerySingleAsync<string>(
            "SELECT fill_id FROM pm_canonical_fills_v4_deduped WHERE wallet = {wallet:String} ORDER BY event_time LIMIT 1",
            QueryParameters.From(new { wallet = repeated.Wallet }));
        // Sells and buys on the carried wallets' biggest open-market positions; on the fourth wallet, a new version
        // of its first fill moved after everything else.
        await SourceRows.InsertFillsAsync(harness.Db, carried.SelectMany((p, i) => new[]
        {
            new Fill($"clob_carry{i}_sell{i}-t", $"0xcarry{i}", p.Wallet, p.ConditionId, p.OutcomeIndex, -3, 1.2,
                later.AddMinutes(i), "clob", false, false, marks.Block + 1, marks.Version + 1),
            new Fill($"clob_carry{i}_buy{i}-m", $"0xcarry{i}", p.Wallet, p.ConditionId, p.OutcomeIndex, 5, -2.5,
                later.AddMinutes(i).AddSeconds(30), "clob", true, false, marks.Block + 1, marks.Version + 1),
        }).Append(new Fill(repeatedFill, "0xmoved", repeated.Wallet, repeated.ConditionId, repeated.OutcomeIndex, 2, -1,
            later.AddMinutes(10), "clob", false, false, marks.Block + 2, marks.Version + 2)));

        var incremental = await harness.Controller.RunAsync(new BackfillRequest(BackfillMode.Incremental, BatchFills: 2_000));

        await harness.AssertCompletedAsync(incremental);
        var chains = (await connection.QueryAsync<(string Wallet, ulong[] Versions)>("""
            SELECT wallet, argMax(lots_versions, _version)
            FROM pm_trade_fifo_roi_v3_wallet_summary
            WHERE run_id = {runId:String}
            GROUP BY wallet
            """, QueryParameters.From(new { runId = incremental.RunId }))).ToDictionary(c => c.Wallet, c => c.Versions);
        Assert.Equal(carried.Select(p => p.Wallet).Append(repeated.Wallet).Order(StringComparer.Ordinal), chains.Keys.Order(StringComparer.Ordinal));
        Assert.All(carried, p => Assert.Equal(2, chains[p.Wallet].Length));
        Assert.Single(chains[repeated.Wallet]);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }
}
