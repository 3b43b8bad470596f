using ClickHouse.Driver;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>Writes fills and resolutions into a test database's source tables (default table names).</summary>
internal static class SourceRows
{
    private static readonly string[] FillColumns =
    [
        "fill_id", "tx_hash", "wallet", "condition_id", "outcome_index", "tokens_delta", "usdc_delta", "event_time",
        "source", "is_maker", "is_self_fill", "block_number", "_version",
    ];

    private static readonly string[] ResolutionColumns =
        ["condition_id", "payout_numerators", "payout_denominator", "resolved_at", "is_deleted", "insert_time"];

    public static async Task InsertFillsAsync(ClickHouseTestDatabase db, IEnumerable<Fill> fills)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        await client.InsertBinaryAsync("pm_canonical_fills_v4_deduped", FillColumns, fills.Select(f => new object[]
        {
            f.FillId, f.TxHash, f.Wallet, f.ConditionId, f.OutcomeIndex, f.TokensDelta, f.UsdcDelta, f.EventTime,
            f.Source, (byte)(f.IsMaker ? 1 : 0), (byte)(f.IsSelfFill ? 1 : 0), f.BlockNumber, f.Version,
        }));
    }

    public static async Task InsertResolutionsAsync(ClickHouseTestDatabase db, IEnumerable<Resolution> resolutions)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        await client.InsertBinaryAsync("pm_condition_resolutions", ResolutionColumns, resolutions.Select(r => new object[]
        {
            r.ConditionId, r.PayoutNumerators, r.PayoutDenominator, r.ResolvedAt, (byte)(r.IsDeleted ? 1 : 0), r.InsertTime,
        }));
    }
}
