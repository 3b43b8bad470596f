using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>
/// The SQL engine against the reference engine on thousands of generated positions (buys, partial and full exits,
/// shorts and covers, equal timestamps, dust, duplicates with versions, also moved to another time or position,
/// self-fills, non-CLOB and zero-wallet rows, every numerator format, resolution histories with deletions, prices
/// outside [0, 1], unparseable payouts): every stored row equal to 1e-6, none missing, none extra. One load, several
/// batches, as a backfill runs them.
/// </summary>
public sealed class DifferentialTests(DifferentialTests.Loaded loaded) : IClassFixture<DifferentialTests.Loaded>
{
    private static readonly FifoScenario Scenario = FifoScenario.Merge(FifoGenerators.Sample(seed: 20240301, count: 1500));
    private readonly EngineDatabase engine = loaded.Engine;

    /// <summary>The scenario loaded and computed once for the class, in four batches over consecutive key ranges.</summary>
    public sealed class Loaded : EngineFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // Three inserts, three parts: reading in table order has to merge them.
            foreach (var part in Scenario.Fills.Chunk((Scenario.Fills.Count + 2) / 3))
                await Engine.InsertFillsAsync(part);
            await Engine.InsertResolutionsAsync(Scenario.Resolutions);
            var wallets = Scenario.Wallets.Where(w => w != CountedFills.ZeroAddress).ToList();
            foreach (var batch in wallets.Chunk((wallets.Count + 3) / 4))
                await Engine.ComputeAsync(batch[0], batch[^1]);
        }
    }

    [Fact]
    public async Task Every_stored_row_equals_the_reference_engine()
    {
        var reference = EngineDatabase.Reference(Scenario);
        var stored = await engine.ReadViewAsync();

        var differences = LotComparison.Compare(stored, reference);

        Assert.True(differences.Count == 0,
            $"{differences.Count} of {reference.Count} rows differ, e.g.:\n" + string.Join("\n", differences.Take(10).Select(d => $"{d.Key}: {d.Description}")));
        // The sample really covers what it claims.
        Assert.True(reference.Select(PositionKey.Of).Distinct().Count() > 3000);
        Assert.Contains(reference, l => l.IsShort);
        Assert.Contains(reference, l => l.Status == LotStatus.Closed);
        Assert.Contains(reference, l => l.Status == LotStatus.Resolved && l.TokensHeld > 0 && l.TokensSoldEarly > 0);
    }

    [Fact]
    public async Task Open_lots_computed_on_demand_equal_the_reference_engine_too()
    {
        var reference = EngineDatabase.Reference(Scenario, includeOpen: true);
        var repeating = Scenario.Fills.GroupBy(f => f.Wallet).Where(w => w.DistinctBy(f => f.FillId).Count() < w.Count())
            .Select(w => w.Key).ToHashSet();
        var repeatingAcrossPositions = Scenario.Fills.GroupBy(f => (f.Wallet, f.FillId))
            .Where(g => g.Select(PositionKey.Of).Distinct().Count() > 1).Select(g => g.Key.Wallet).ToHashSet();
        var open = reference.Where(l => l.Status == LotStatus.Open).Select(l => l.Wallet).Distinct().ToList();
        // Both kinds of one-wallet statement: with the second read that drops older versions across positions (the
        // wallet repeats a fill_id; first those whose versions really are in several positions, where only that read
        // can settle them) and without it.
        var wallets = open.Where(repeating.Contains).OrderBy(w => !repeatingAcrossPositions.Contains(w)).Take(15)
            .Concat(open.Where(w => !repeating.Contains(w)).Take(15)).ToList();
        Assert.Equal(30, wallets.Count);

        foreach (var wallet in wallets)
        {
            var computed = await engine.Engine.ComputeWalletLotsAsync(wallet, CancellationToken.None);

            var differences = LotComparison.Compare(computed, reference.Where(l => l.Wallet == wallet));
            Assert.True(differences.Count == 0, $"{wallet}: " + string.Join("\n", differences.Take(5).Select(d => $"{d.Key}: {d.Description}")));
        }
    }

    [Fact]
    public async Task Every_wallet_is_committed_with_totals_of_its_stored_lots()
    {
        var reference = EngineDatabase.Reference(Scenario).ToLookup(l => l.Wallet);
        // Wins are counted on the stored rows: a break-even lot's pnl is exactly 0 in SQL (exact sums) but can be
        // 4e-16 in the reference engine (double sums), and either is right to 1e-6.
        var stored = (await engine.ReadViewAsync()).ToLookup(l => l.Wallet);
        var summaries = await engine.ReadSummariesAsync();

        Assert.Equal(Scenario.Wallets.Where(w => w != CountedFills.ZeroAddress), summaries.Select(s => s.Wallet));
        foreach (var summary in summaries)
        {
            var lots = reference[summary.Wallet].ToList();
            Assert.Equal((uint)lots.Count, summary.Lots);
            Assert.Equal((uint)lots.Select(PositionKey.Of).Distinct().Count(), summary.Positions);
            Assert.Equal((uint)lots.Count(l => l.Status == LotStatus.Resolved), summary.ResolvedLots);
            Assert.Equal((uint)lots.Count(l => l.Status == LotStatus.Closed), summary.ClosedLots);
            Assert.Equal((uint)stored[summary.Wallet].Count(l => l.PnlUsd > 0), summary.Wins);
            Assert.Equal(lots.Sum(l => l.PnlUsd), summary.TotalPnl, 1e-6);
            Assert.Equal(lots.Sum(l => l.CostUsd), summary.TotalCost, 1e-6);
            Assert.Equal(lots.Sum(l => l.Tokens * l.EntryPrice), summary.VolumeUsd, 1e-6);
            Assert.Equal(lots.Count == 0 ? null : lots.Min(l => l.EntryTime), summary.FirstTrade);
            Assert.Equal(lots.Count == 0 ? null : lots.Max(l => l.ExitTime is { } exit && exit > l.EntryTime ? exit : l.EntryTime), summary.LastTrade);
        }
    }

    [Fact]
    public async Task Conservation_holds_per_resolved_position_and_per_wallet_on_the_server()
    {
        // Σ pnl_usd of a resolved position's stored lots = Σ usdc_delta of its counted fills + net tokens · payout,
        // computed in SQL from the stored rows and the raw fills (newest version of each fill_id, counting rules).
        // Prices outside [0, 1] keep the identity; sub-micro token digits would not, and the generators have none.
        var violations = await engine.QuerySingleAsync<(ulong Wallets, ulong Positions, ulong BadPositions, ulong BadWallets)>("""
            SELECT count(), sum(positions), sum(bad_positions), countIf(abs(pnl - expected) > 1e-6)
            FROM
            (
                SELECT l.wallet, count() AS positions, countIf(abs(l.pnl - f.cash - f.net * l.rate) > 1e-6) AS bad_positions,
                       sum(l.pnl) AS pnl, sum(f.cash + f.net * l.rate) AS expected
                FROM
                (
                    SELECT wallet, condition_id, outcome_index, sum(pnl_usd) AS pnl, any(payout_rate) AS rate
                    FROM {{LotsDeduped}}
                    WHERE resolved_at IS NOT NULL
                    GROUP BY wallet, condition_id, outcome_index
                ) AS l
                INNER JOIN
                (
                    SELECT w AS wallet, newest.1 AS condition_id, newest.2 AS outcome_index, sum(newest.4) AS cash,
                           sum(sign(newest.3) * round(abs(newest.3) * 1e6)) / 1e6 AS net
                    FROM
                    (
                        SELECT toString(wallet) AS w,
                               argMax(tuple(condition_id, outcome_index, tokens_delta, usdc_delta, source, is_maker, is_self_fill),
                                      (_version, block_number, event_time, tokens_delta, usdc_delta)) AS newest
                        FROM {{Fills}}
                        GROUP BY wallet, fill_id
                    )
                    WHERE newest.5 = 'clob' AND NOT (newest.6 = 1 AND newest.7 = 1) AND round(abs(newest.3) * 1e6) >= 1
                    GROUP BY wallet, condition_id, outcome_index
                ) AS f ON l.wallet = f.wallet AND l.condition_id = f.condition_id AND l.outcome_index = f.outcome_index
                GROUP BY l.wallet
            )
            """);

        Assert.True(violations.Positions > 1000, $"only {violations.Positions} resolved positions checked");
        Assert.Equal((0UL, 0UL), (violations.BadPositions, violations.BadWallets));
    }
}
