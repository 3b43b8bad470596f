using Dapper;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// What a backfill leaves visible, read back for exact comparison: every row of the deduplicated lots view and
/// every wallet's newest committed summary, without the version columns (they differ from run to run by design).
/// </summary>
internal sealed record LotsView(IReadOnlyList<string> Lots, IReadOnlyList<string> Summaries, long DuplicateKeys)
{
    private const string LotsSql = """
        SELECT toString(tuple(
            wallet, condition_id, outcome_index, tx_hash, order_id, is_short, is_maker, entry_time, exit_time, tokens,
            entry_price, cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate,
            resolved_at, is_closed))
        FROM pm_trade_fifo_roi_v3_deduped
        ORDER BY wallet, condition_id, outcome_index, tx_hash, is_short
        """;

    private const string DuplicatesSql = """
        SELECT count() - uniqExact(wallet, condition_id, outcome_index, tx_hash, is_short) FROM pm_trade_fifo_roi_v3_deduped
        """;

    // Sums are rounded: their order of addition may differ between batch layouts.
    private const string SummariesSql = """
        SELECT toString(tuple(
            wallet, positions, lots, resolved_lots, closed_lots, wins, round(total_pnl, 6), round(total_cost, 6),
            round(volume_usd, 6), first_trade, last_trade))
        FROM pm_trade_fifo_roi_v3_wallet_summary FINAL
        ORDER BY wallet
        """;

    public static async Task<LotsView> ReadAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var lots = (await connection.QueryAsync<string>(LotsSql)).ToList();
        var summaries = (await connection.QueryAsync<string>(SummariesSql)).ToList();
        var duplicates = await connection.ExecuteScalarAsync<long>(DuplicatesSql);
        return new LotsView(lots, summaries, duplicates);
    }

    /// <summary>Asserts both views hold exactly the same rows and no key twice.</summary>
    public void AssertSameAs(LotsView expected)
    {
        Xunit.Assert.Equal(0, DuplicateKeys);
        Xunit.Assert.Equal(0, expected.DuplicateKeys);
        Xunit.Assert.NotEmpty(expected.Lots);
        Xunit.Assert.Equal(expected.Lots, Lots);
        Xunit.Assert.Equal(expected.Summaries, Summaries);
    }
}
