namespace Fifo.Admin.Live;

/// <summary>Throughput over one sampling interval of a run (not the run's average), for the chart.</summary>
public sealed record ThroughputPoint(TimeSpan Elapsed, double FillsPerSecond, double WalletsPerMinute);
