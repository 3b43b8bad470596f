namespace Fifo.Core.Options;

/// <summary>How backfills run; bound from the "Backfill" section. Defaults are the seed plan's.</summary>
public sealed class BackfillOptions
{
    public const string Section = "Backfill";

    /// <summary>The most <see cref="Workers"/> a run may have (configured, asked for on the CLI or by a request).</summary>
    public const int MaxWorkers = 64;

    /// <summary>Batches computed at once.</summary>
    public int Workers { get; set; } = 2;
    /// <summary>Target number of fills per batch; batches are balanced by fill count, not wallet count.</summary>
    public long BatchFills { get; set; } = 2_000_000;
    /// <summary>Attempts per batch for transient errors before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 4;
    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Cron expression for the incremental schedule (Quartz syntax); empty = off.</summary>
    public string IncrementalCron { get; set; } = "";
    /// <summary>
    /// ClickHouse settings sent with every batch query, shown in the run's record. The engine computes a batch on one
    /// thread (max_threads = 1 and optimize_aggregation_in_order = 1 are pinned: ranks are row numbers of one stream
    /// in table order); <see cref="Workers"/> is how a backfill uses more cores.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = new()
    {
        ["max_execution_time"] = "3600",
        ["max_memory_usage"] = "8000000000",
        ["max_threads"] = "1",
        ["optimize_read_in_window_order"] = "1",
    };
}
