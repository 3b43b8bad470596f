using Dapper;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// Every row of the deduplicated lots view (pm_trade_fifo_roi_v3_deduped), in key order, for
/// <see cref="BackfillResult"/>.
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
}
