namespace Fifo.ClickHouse.Schema;

/// <summary>
/// The spec's columns of the two source tables (names and the types 001_source_tables.sql creates), in one place
/// for the verifier and the CSV importer. Every one is required: the engine breaks ties between versions of a fill
/// by block_number, and the wallet page shows payout_denominator.
/// </summary>
public static class SourceTables
{
    public static readonly IReadOnlyList<SourceColumn> FillColumns =
    [
        new("fill_id", "String"),
        new("tx_hash", "String"),
        new("wallet", "LowCardinality(String)"),
        new("condition_id", "String"),
        new("outcome_index", "UInt8"),
        new("tokens_delta", "Float64"),
        new("usdc_delta", "Float64"),
        new("event_time", "DateTime"),
        new("source", "LowCardinality(String)"),
        new("is_maker", "UInt8"),
        new("is_self_fill", "UInt8"),
        new("block_number", "UInt64"),
        new("_version", "UInt64"),
    ];

    public static readonly IReadOnlyList<SourceColumn> ResolutionColumns =
    [
        new("condition_id", "String"),
        new("payout_numerators", "String"),
        new("payout_denominator", "String"),
        new("resolved_at", "DateTime"),
        new("is_deleted", "UInt8"),
        new("insert_time", "DateTime"),
    ];
}
