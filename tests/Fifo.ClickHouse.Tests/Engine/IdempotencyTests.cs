using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>
/// Versioned commits: recomputing never duplicates a row, replaces a wallet's lots all at once (lots that no longer
/// exist disappear), and a batch that never committed stays invisible.
/// </summary>
public sealed class IdempotencyTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private EngineDatabase Engine => fixture.Engine;

    [Fact]
    public async Task Recomputing_a_range_leaves_the_view_unchanged_with_one_row_per_key()
    {
        var scenario = FifoScenario.Merge(FifoGenerators.Sample(seed: 11, count: 40));
        await Engine.InsertAsync(scenario);
        var wallets = scenario.Wallets.Where(w => w != CountedFills.ZeroAddress).ToList();
        await Engine.ComputeAsync(wallets[0], wallets[^1]);
        var before = await ReadAsync(wallets);

        await Engine.ComputeAsync(wallets[0], wallets[^1]);
        await Engine.ComputeAsync(wallets[0], wallets[wallets.Count / 2]);
        var after = await ReadAsync(wallets);

        Assert.Empty(LotComparison.Compare(after, before));
        Assert.Equal(EngineDatabase.Reference(scenario).Count, after.Count);
        var keys = await Engine.QuerySingleAsync<(ulong Rows, ulong Keys)>(
            "SELECT count(), uniqExact(wallet, condition_id, outcome_index, tx_hash, is_short) FROM {{LotsDeduped}}");
        Assert.Equal(keys.Keys, keys.Rows);
    }

    [Fact]
    public async Task A_recomputed_wallet_shows_only_its_new_lots()
    {
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1)
            .Fill("b", 10, 0.5, second: 2)
            .Fill("c", -10, 0.6, second: 3)
            .Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        await Engine.ComputeAsync(trades.Wallet, trades.Wallet);
        Assert.Equal(["a", "b"], (await Engine.ReadViewAsync(trades.Wallet)).Select(l => l.TxHash));

        // A newer version turns fill a into a non-CLOB row: lot a is gone, b is now the one sold by c.
        var correction = new Trades().Fill("a", 10, 0.5, second: 1, version: 2, source: "ctf_token", wallet: trades.Wallet, condition: trades.Condition);
        await Engine.InsertFillsAsync(correction.Fills);
        await Engine.ComputeAsync(trades.Wallet, trades.Wallet);

        var lot = Assert.Single(await Engine.ReadViewAsync(trades.Wallet));
        Assert.Equal(("b", 10.0, 0.0), (lot.TxHash, lot.TokensSoldEarly, lot.TokensHeld));
    }

    [Fact]
    public async Task A_wallet_whose_lots_all_disappear_shows_none_and_is_still_committed()
    {
        var trades = new Trades().Fill("a", 10, 0.5, second: 1).Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        await Engine.ComputeAsync(trades.Wallet, trades.Wallet);
        Assert.Single(await Engine.ReadViewAsync(trades.Wallet));

        var correction = new Trades().Fill("a", 10, 0.5, second: 1, version: 2, source: "negrisk", wallet: trades.Wallet, condition: trades.Condition);
        await Engine.InsertFillsAsync(correction.Fills);
        var result = await Engine.ComputeAsync(trades.Wallet, trades.Wallet);

        Assert.Empty(await Engine.ReadViewAsync(trades.Wallet));
        Assert.Equal((0L, 1L), (result.RowsWritten, result.Wallets));
        var summary = (await Engine.ReadSummariesAsync()).Single(s => s.Wallet == trades.Wallet);
        Assert.Equal((0u, 0.0, (DateTime?)null), (summary.Lots, summary.TotalPnl, summary.FirstTrade));
    }

    [Fact]
    public async Task Lots_of_a_version_without_its_commit_marker_stay_invisible()
    {
        var trades = new Trades().Fill("a", 10, 0.5, second: 1).Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        await Engine.ComputeAsync(trades.Wallet, trades.Wallet);
        var before = await Engine.ReadViewAsync(trades.Wallet);

        // What a batch killed between its two statements leaves behind: lots of a newer version, no summary row.
        await Engine.ExecuteAsync("""
            INSERT INTO {{Lots}} (wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, tokens,
                entry_price, cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate,
                is_closed, _version)
            SELECT wallet, condition_id, outcome_index, 'ghost', 0, 0, entry_time, 1, 1, 1, 0, 1, 0, -1, -1, 0, 0, 1, {version:UInt64}
            FROM {{LotsDeduped}} WHERE wallet = {wallet:String}
            """, new { wallet = trades.Wallet, version = EngineDatabase.NextVersion() });

        Assert.Empty(LotComparison.Compare(await Engine.ReadViewAsync(trades.Wallet), before));
    }

    [Fact]
    public async Task An_incremental_batch_commits_only_the_staged_wallets_of_its_range()
    {
        var staged = new Trades().Fill("a", 10, 0.5, second: 1).Resolve("[1,0]");
        var other = new Trades().Fill("b", 10, 0.5, second: 1).Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario([.. staged.Fills, .. other.Fills], [.. staged.Resolutions, .. other.Resolutions]));
        const string runId = "incremental-run";
        await Engine.ExecuteAsync("INSERT INTO {{RunWallets}} (run_id, wallet, fills) VALUES ({run:String}, {wallet:String}, 1)",
            new { run = runId, wallet = staged.Wallet });
        var (first, last) = string.CompareOrdinal(staged.Wallet, other.Wallet) < 0 ? (staged.Wallet, other.Wallet) : (other.Wallet, staged.Wallet);

        var result = await Engine.ComputeAsync(first, last, walletSetRunId: runId);

        Assert.Equal((1L, 1L, 1L), (result.RowsWritten, result.Wallets, result.FillsRead));
        Assert.Single(await Engine.ReadViewAsync(staged.Wallet));
        Assert.Empty(await Engine.ReadViewAsync(other.Wallet));
    }

    private async Task<IReadOnlyList<LotRow>> ReadAsync(IReadOnlyCollection<string> wallets)
    {
        var set = wallets.ToHashSet(StringComparer.Ordinal);
        return (await Engine.ReadViewAsync()).Where(l => set.Contains(l.Wallet)).ToList();
    }
}
