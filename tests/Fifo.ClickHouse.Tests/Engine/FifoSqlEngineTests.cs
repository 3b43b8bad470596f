using ClickHouse.Driver;
using Fifo.ClickHouse.Engine;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Model;
using Fifo.Testing.Generators;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>The engine's API: what a batch reports, the settings and query id it runs with, and bad input.</summary>
public sealed class FifoSqlEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private EngineDatabase Engine => fixture.Engine;

    [Fact]
    public async Task A_batch_reports_lots_written_wallets_committed_and_fill_rows_read()
    {
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1)
            .Fill("b", -4, 0.6, second: 2)
            .Fill("c", 3, 0.5, second: 3, outcome: 1)
            .Fill("d", 1, 0.5, second: 4, source: "ctf_cash")
            .Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        // An unmerged copy of fill a in a part of its own: read, but counted once.
        await Engine.InsertFillsAsync(trades.Fills.Take(1));

        var result = await Engine.Engine.ComputeBatchAsync(trades.Wallet, trades.Wallet, EngineDatabase.NextVersion(), "run-7",
            new Dictionary<string, string> { ["max_threads"] = "1" }, queryId: $"batch-{Guid.NewGuid():N}", CancellationToken.None);

        Assert.Equal((2L, 1L, 5L), (result.RowsWritten, result.Wallets, result.FillsRead));
        Assert.True(result.Elapsed > TimeSpan.Zero);
        Assert.Equal("run-7", (await Engine.ReadSummariesAsync()).Single(s => s.Wallet == trades.Wallet).RunId);
    }

    [Fact]
    public async Task A_wallet_repeats_a_fill_id_when_any_two_of_its_rows_share_one()
    {
        var distinct = new Trades().Fill("a", 10, 0.5, second: 1).Fill("b", -4, 0.6, second: 2);
        var copied = new Trades().Fill("a", 10, 0.5, second: 1).Fill("b", -4, 0.6, second: 2);
        var moved = new Trades().Fill("a", 10, 0.5, second: 1).Fill("b", -4, 0.6, second: 2)
            .Fill("b", -4, 0.6, second: 2, outcome: 1, version: 2); // a newer version of b in another position
        foreach (var trades in new[] { distinct, copied, moved })
            await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        await Engine.InsertFillsAsync(copied.Fills.Take(1)); // an unmerged copy of a in a part of its own

        var answers = await Task.WhenAll(new[] { distinct, copied, moved }.Select(t => RepeatsFillIdsAsync(t.Wallet)));

        Assert.Equal([false, true, true], answers);
    }

    [Fact]
    public async Task A_whale_batch_whose_fills_change_while_it_runs_commits_nothing_and_can_be_retried()
    {
        var trades = new Trades().Fill("a", 10, 0.5, second: 1).Fill("b", -4, 0.6, second: 2).Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));
        // Stands in for an import running during the batch: writing the wallet's lots adds a newer version of each
        // opening fill in another position, after the batch chose to skip the second read for repeated fill_ids.
        var view = $"fifo_test_import_during_{Guid.NewGuid():N}";
        await Engine.ExecuteAsync($$$"""
            CREATE MATERIALIZED VIEW {{{view}}} TO {{Fills}} AS
            SELECT tx_hash AS fill_id, tx_hash AS tx_hash, wallet, toString(condition_id) AS condition_id, toUInt8(1) AS outcome_index,
                   tokens AS tokens_delta, -tokens * entry_price AS usdc_delta, entry_time AS event_time, 'clob' AS source,
                   toUInt8(0) AS is_maker, toUInt8(0) AS is_self_fill, toUInt64(0) AS block_number, toUInt64(2) AS _version
            FROM {{Lots}}
            WHERE wallet = '{{{trades.Wallet}}}'
            """);
        try
        {
            await Assert.ThrowsAsync<WalletFillsChangedException>(() => ComputeAloneAsync(trades.Wallet));
            Assert.Empty(await Engine.ReadViewAsync(trades.Wallet));
            Assert.DoesNotContain(await Engine.ReadSummariesAsync(), s => s.Wallet == trades.Wallet);
        }
        finally
        {
            await Engine.ExecuteAsync($"DROP VIEW IF EXISTS {view} SYNC");
        }

        // Tried again, the batch reads the new version: fill a buys in outcome 1, so sell b opens a short in outcome 0.
        await ComputeAloneAsync(trades.Wallet);
        var lots = await Engine.ReadViewAsync(trades.Wallet);
        Assert.Equal([("a", (byte)1, false), ("b", (byte)0, true)],
            lots.Select(l => (l.TxHash, l.OutcomeIndex, l.IsShort)).Order());
    }

    private Task<BatchResult> ComputeAloneAsync(string wallet) =>
        Engine.Engine.ComputeBatchAsync(wallet, wallet, EngineDatabase.NextVersion(), "run", new Dictionary<string, string>(),
            queryId: null, CancellationToken.None);

    private Task<bool> RepeatsFillIdsAsync(string wallet) =>
        Engine.QuerySingleAsync<bool>(
            Engine.Services.GetRequiredService<SqlScripts>().Get("Fifo/wallet_repeats_fill_ids.sql"), new { wallet });

    [Fact]
    public async Task A_failing_batch_commits_nothing()
    {
        var trades = new Trades().Fill("a", 10, 0.5, second: 1).Resolve("[1,0]");
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));

        await Assert.ThrowsAsync<ClickHouseServerException>(() => Engine.Engine.ComputeBatchAsync(trades.Wallet, trades.Wallet,
            EngineDatabase.NextVersion(), "run", new Dictionary<string, string> { ["max_memory_usage"] = "1000" },
            queryId: null, CancellationToken.None));

        Assert.Empty(await Engine.ReadViewAsync(trades.Wallet));
        Assert.DoesNotContain(await Engine.ReadSummariesAsync(), s => s.Wallet == trades.Wallet);
    }

    [Fact]
    public async Task Bad_ranges_and_versions_are_rejected_before_anything_runs()
    {
        var empty = new Dictionary<string, string>();

        var reversed = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.Engine.ComputeBatchAsync("0xb", "0xa", 5, "run", empty, null, CancellationToken.None));
        Assert.Contains("reversed", reversed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Engine.Engine.ComputeBatchAsync("", "0xa", 5, "run", empty, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Engine.Engine.ComputeBatchAsync("0xa", "0xb", 0, "run", empty, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Engine.Engine.ComputeWalletLotsAsync("0x12", CancellationToken.None));
    }

    [Fact]
    public async Task A_wallet_computed_on_demand_includes_its_open_lots_and_writes_nothing()
    {
        var trades = new Trades()
            .Fill("open", 10, 0.5, second: 1, outcome: 0)
            .Fill("closed", 5, 0.5, second: 2, outcome: 1)
            .Fill("exit", -5, 0.6, second: 3, outcome: 1);
        await Engine.InsertAsync(new FifoScenario(trades.Fills, trades.Resolutions));

        var lots = await Engine.Engine.ComputeWalletLotsAsync(trades.Wallet.ToUpperInvariant().Replace("0X", "0x"), CancellationToken.None);

        Assert.Equal([("open", LotStatus.Open), ("closed", LotStatus.Closed)], lots.Select(l => (l.TxHash, l.Status)));
        Assert.Empty(await Engine.ReadViewAsync(trades.Wallet));
    }
}
