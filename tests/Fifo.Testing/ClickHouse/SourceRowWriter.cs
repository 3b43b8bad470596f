using ClickHouse.Driver;
using Fifo.Core.Model;

namespace Fifo.Testing.ClickHouse;

/// <summary>
/// Writes <see cref="Fill"/> and <see cref="Resolution"/> rows into source tables by bulk insert, every column named:
/// one place that knows how the models map onto the spec's columns, for every test that needs source rows.
/// </summary>
public static class SourceRowWriter
{
    private static readonly string[] FillColumns =
    [
        "fill_id", "tx_hash", "wallet", "condition_id", "outcome_index", "tokens_delta", "usdc_delta", "event_time",
        "source", "is_maker", "is_self_fill", "block_number", "_version",
    ];

    private static readonly string[] ResolutionColumns =
        ["condition_id", "payout_numerators", "payout_denominator", "resolved_at", "is_deleted", "insert_time"];

    /// <param name="table">The fills table's name (e.g. TableNames.Fills).</param>
    public static async Task InsertFillsAsync(ClickHouseClient client, string table, IEnumerable<Fill> fills)
    {
        var rows = fills.Select(f => new object[]
        {
            f.FillId, f.TxHash, f.Wallet, f.ConditionId, f.OutcomeIndex, f.TokensDelta, f.UsdcDelta, f.EventTime,
            f.Source, Flag(f.IsMaker), Flag(f.IsSelfFill), f.BlockNumber, f.Version,
        }).ToList();
        if (rows.Count > 0)
            await client.InsertBinaryAsync(table, FillColumns, rows).ConfigureAwait(false);
    }

    /// <param name="table">The resolutions table's name (e.g. TableNames.Resolutions).</param>
    public static async Task InsertResolutionsAsync(ClickHouseClient client, string table, IEnumerable<Resolution> resolutions)
    {
        var rows = resolutions.Select(r => new object[]
        {
            r.ConditionId, r.PayoutNumerators, r.PayoutDenominator, r.ResolvedAt, Flag(r.IsDeleted), r.InsertTime,
        }).ToList();
        if (rows.Count > 0)
            await client.InsertBinaryAsync(table, ResolutionColumns, rows).ConfigureAwait(false);
    }

    /// <summary>ClickHouse UInt8 flags (is_maker, is_deleted, is_closed, ...).</summary>
    public static byte Flag(bool value) => value ? (byte)1 : (byte)0;
}
