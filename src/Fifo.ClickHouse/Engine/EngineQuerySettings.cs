namespace Fifo.ClickHouse.Engine;

/// <summary>
/// ClickHouse settings the lots computation is designed for, sent with every batch unless the caller's settings
/// (Backfill:Settings) say otherwise. None of them changes a result, only how fast it comes.
/// </summary>
internal static class EngineQuerySettings
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        // The rank window reads the fills in table order instead of sorting them.
        ["optimize_read_in_window_order"] = "1",
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
