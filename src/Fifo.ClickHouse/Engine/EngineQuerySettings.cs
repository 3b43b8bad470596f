namespace Fifo.ClickHouse.Engine;

/// <summary>
/// ClickHouse settings of the engine's statements: the caller's (Backfill:Settings) over the engine's defaults, and
/// the few that compute_lots.sql depends on for correctness pinned on top.
/// </summary>
public static class EngineQuerySettings
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        // The fills are read in the table's own order, so nothing is sorted.
        ["optimize_read_in_order"] = "1",
    };

    /// <summary>Settings compute_lots.sql needs for correct results, whatever Backfill:Settings asks for.</summary>
    public static IReadOnlyDictionary<string, string> Pinned { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A fill's rank is its row number in the stream read in table order: one stream per batch (batches run in
        // parallel instead). Measured on 10M demo fills: half the CPU of a two-thread batch, whose sort-merge and
        // full GROUP BY held every wallet's arrays until the end.
        ["max_threads"] = "1",
        // GROUP BY wallet in table order hands each wallet on as soon as its rows are read.
        ["optimize_aggregation_in_order"] = "1",
        // FINAL as one merge of all parts on the whole sort key: ranks are only the table's order if no part range
        // is read on its own (the defaults read non-overlapping ranges separately, and GROUP BY wallet in order only
        // merges those streams on the wallet).
        ["enable_vertical_final"] = "0",
        ["split_parts_ranges_into_intersecting_and_non_intersecting_final"] = "0",
        ["split_intersecting_parts_ranges_into_layers_final"] = "0",
    };

    /// <summary>
    /// The defaults, overlaid with <paramref name="requested"/>, overlaid with the pinned settings: what every engine
    /// statement is sent, and what a run records.
    /// </summary>
    public static Dictionary<string, string> For(IReadOnlyDictionary<string, string> requested)
    {
        var settings = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (name, value) in requested)
            settings[name] = value;
        foreach (var (name, value) in Pinned)
            settings[name] = value;
        return settings;
    }
}
