namespace Fifo.Bench;

/// <summary>
/// New fills that an incremental run is measured after: the script that adds ~1% of the fill rows (given the
/// scenario's fill_id suffix as <c>{suffix:String}</c>) and the suffix by which count_new_fills.sql and
/// remove_new_fills.sql find them again.
/// </summary>
internal sealed record IncrementalScenario(string Name, string Description, string AppendScript, string FillIdSuffix)
{
    /// <summary>
    /// Old fills traded again 30 days later: mid-history and in resolved markets, so only a whole-wallet recompute
    /// handles them. Its suffix is the one the benchmark always used, so rows a run cut short left behind still match.
    /// </summary>
    public static readonly IncrementalScenario ReTraded = new(
        "re-traded",
        "old fills traded again 30 days later under new ids: mid-history, resolved markets too",
        "append_retraded_fills.sql",
        "-bench-new");

    /// <summary>The common nightly case, which the carry-forward path is for: later than every fill, in open markets.</summary>
    public static readonly IncrementalScenario Newest = new(
        "newest",
        "appended after the last fill, open markets",
        "append_newest_fills.sql",
        "-bench-newest");

    public string Title => $"incremental after 1% {Name} fills";
}
