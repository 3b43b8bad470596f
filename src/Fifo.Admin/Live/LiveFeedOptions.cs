namespace Fifo.Admin.Live;

/// <summary>Bound from "Admin:LiveUpdates": how often pages and hub clients get progress.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "Admin:LiveUpdates";

    /// <summary>Minimum time between two progress deliveries (state changes go out at once).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Routine batch events listed per delivery; the rest are only counted.</summary>
    public int MaxBatchEventsPerUpdate { get; set; } = 200;

    /// <summary>Batches kept for the "latest batches" table.</summary>
    public int RecentBatches { get; set; } = 20;

    /// <summary>Throughput samples kept for the chart; older samples are thinned out, not dropped.</summary>
    public int ThroughputPoints { get; set; } = 240;

    /// <summary>Shortest interval a throughput sample covers.</summary>
    public TimeSpan ThroughputSample { get; set; } = TimeSpan.FromSeconds(1);
}
