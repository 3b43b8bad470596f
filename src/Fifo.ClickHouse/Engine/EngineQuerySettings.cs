namespace Fifo.ClickHouse.Engine;

/// <summary>
/// ClickHouse settings the lots computation is designed for, sent with every batch unless the caller's settings
/// (Backfill:Settings) say otherwise.
/// </summary>
internal static class EngineQuerySettings
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        // Ranks come from the row number in the ORDER BY's output; never let the planner drop that ORDER BY.
        ["query_plan_remove_redundant_sorting"] = "0",
        // The ORDER BY is satisfied by reading the table in its own order, so nothing is sorted.
        ["optimize_read_in_order"] = "1",
    };

    /// <summary>The defaults overlaid with <paramref name="requested"/>.</summary>
    public static Dictionary<string, string> For(IReadOnlyDictionary<string, string> requested)
    {
        var settings = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (name, value) in requested)
            settings[name] = value;
        return settings;
    }
}
