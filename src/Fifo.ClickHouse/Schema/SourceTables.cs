namespace Fifo.ClickHouse.Schema;

/// <summary>
/// The spec's columns of the two source tables (names and the types 001_source_tables.sql creates), in one place
/// for the verifier and the CSV importer.
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

    /// <summary>Columns no component reads, so an existing table may lack them (the importer then skips them).</summary>
    public static readonly IReadOnlySet<string> OptionalInExistingTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "block_number",
        "payout_denominator",
    };
}
