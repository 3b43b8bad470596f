// TEMPORARY (orchestrator's scratch, deleted once FifoSqlEngine lands): a crude real-SQL stand-in for the engine so
// the orchestration tests can run meanwhile. Writes one "lot" per counted fill and a summary row per wallet.
using Dapper;
using Fifo.Backfill.Execution;
using Fifo.ClickHouse.Connection;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

internal sealed class ScratchSqlEngine(ClickHouseConnectionFactory connections) : IBatchExecutor
{
    public const string ViewSql = """
        CREATE VIEW IF NOT EXISTS pm_trade_fifo_roi_v3_deduped AS
        SELECT l.* FROM pm_trade_fifo_roi_v3 AS l
        INNER JOIN (SELECT wallet, max(_version) AS v FROM pm_trade_fifo_roi_v3_wallet_summary GROUP BY wallet) AS s
            ON l.wallet = s.wallet AND l._version = s.v
        """;

    private const string Filter = """
        wallet >= {first:String} AND wallet <= {last:String}
        AND ({staged:String} = '' OR wallet IN (SELECT wallet FROM fifo_backfill_run_wallets WHERE run_id = {staged:String}))
        AND source = 'clob' AND wallet != '0x0000000000000000000000000000000000000000'
        AND NOT (is_self_fill = 1 AND is_maker = 1) AND round(abs(tokens_delta) * 1000000) >= 1
        """;

    public async Task<BatchResult> ExecuteAsync(BatchWork work, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = QueryParameters.From(new
        {
            first = work.Span.FirstWallet, last = work.Span.LastWallet, staged = work.StagedWalletsOnly ? work.RunId : "",
            version = work.Version, runId = work.RunId,
        });
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO pm_trade_fifo_roi_v3 (wallet, condition_id, outcome_index, tx_hash, order_id, is_short, is_maker,
                entry_time, exit_time, tokens, entry_price, cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi,
                pct_sold_early, payout_rate, resolved_at, is_closed, _version)
            SELECT wallet, condition_id, outcome_index, fill_id, '', 0, is_maker, event_time, NULL, abs(tokens_delta),
                abs(usdc_delta) / abs(tokens_delta), abs(usdc_delta), 0, abs(tokens_delta), 0, -abs(usdc_delta), -1, 0, 0, NULL, 0,
                {"{version:UInt64}"}
            FROM pm_canonical_fills_v4_deduped FINAL WHERE {Filter}
            SETTINGS max_memory_usage = {work.Settings.GetValueOrDefault("max_memory_usage", "0")}
            """, p, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO pm_trade_fifo_roi_v3_wallet_summary (wallet, _version, run_id, computed_at, positions, lots, resolved_lots,
                closed_lots, wins, total_pnl, total_cost, volume_usd, first_trade, last_trade)
            SELECT wallet, {"{version:UInt64}"}, {"{runId:String}"}, now64(3), uniqExact(condition_id, outcome_index), count(), 0, 0, 0,
                -sum(abs(usdc_delta)), sum(abs(usdc_delta)), sum(abs(usdc_delta)), min(event_time), max(event_time)
            FROM pm_canonical_fills_v4_deduped FINAL WHERE {Filter}
            GROUP BY wallet
            """, p, cancellationToken: cancellationToken));
        var written = await connection.ExecuteScalarAsync<ulong>(new CommandDefinition(
            "SELECT count() FROM pm_trade_fifo_roi_v3 WHERE _version = {version:UInt64}", p, cancellationToken: cancellationToken));
        return new BatchResult((long)written);
    }

    public static async Task CreateViewAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(ViewSql);
    }
}
