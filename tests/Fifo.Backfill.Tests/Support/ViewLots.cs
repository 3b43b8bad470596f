using Dapper;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// Every row of the deduplicated lots view (pm_trade_fifo_roi_v3_deduped), read for a comparison by key that does not
/// care how the rows were computed: identities, flags and times exactly, amounts within the spec's 1e-6.
/// </summary>
internal static class ViewLots
{
    private const string Sql = LotRowColumns.Select + """

        FROM pm_trade_fifo_roi_v3_deduped
        ORDER BY wallet, condition_id, outcome_index, tx_hash, is_short
        """;

    public static async Task<IReadOnlyList<LotRow>> ReadAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<LotRow>(Sql)).AsList();
    }

    /// <summary>The view's key: (wallet, condition_id, outcome_index, tx_hash = opening fill_id, is_short).</summary>
    public static string Key(LotRow lot) =>
        $"lot {lot.Wallet}/{lot.ConditionId}/{lot.OutcomeIndex}/{lot.TxHash}/{(lot.IsShort ? "short" : "long")}";

    public static void Compare(Mismatches mismatches, IReadOnlyList<LotRow> expected, IReadOnlyList<LotRow> actual) =>
        mismatches.CompareByKey(expected, actual, Key, (key, e, a) =>
        {
            mismatches.Exact(key, "order_id", e.OrderId, a.OrderId);
            mismatches.Exact(key, "is_maker", e.IsMaker, a.IsMaker);
            mismatches.Exact(key, "entry_time", e.EntryTime, a.EntryTime);
            mismatches.Exact(key, "exit_time", e.ExitTime, a.ExitTime);
            mismatches.Exact(key, "resolved_at", e.ResolvedAt, a.ResolvedAt);
            mismatches.Exact(key, "is_closed", e.IsClosed, a.IsClosed);
            mismatches.Close(key, "tokens", e.Tokens, a.Tokens);
            mismatches.Close(key, "entry_price", e.EntryPrice, a.EntryPrice);
            mismatches.Close(key, "cost_usd", e.CostUsd, a.CostUsd);
            mismatches.Close(key, "tokens_sold_early", e.TokensSoldEarly, a.TokensSoldEarly);
            mismatches.Close(key, "tokens_held", e.TokensHeld, a.TokensHeld);
            mismatches.Close(key, "exit_value", e.ExitValue, a.ExitValue);
            mismatches.Close(key, "pnl_usd", e.PnlUsd, a.PnlUsd);
            mismatches.Close(key, "roi", e.Roi, a.Roi);
            mismatches.Close(key, "pct_sold_early", e.PctSoldEarly, a.PctSoldEarly);
            mismatches.Close(key, "payout_rate", e.PayoutRate, a.PayoutRate);
        });
}
