namespace Fifo.ClickHouse.Connection;

/// <summary>Bound from the "ClickHouse" section. An empty connection string selects the embedded engine.</summary>
public sealed class ClickHouseOptions
{
    public const string Section = "ClickHouse";

    /// <summary>ClickHouse.Driver connection string of a server or ClickHouse Cloud; empty = embedded chDB.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Database holding every table; created when missing. It wins over a <c>Database=</c> in the connection string
    /// so that one setting decides where the tables live in both embedded and server mode.
    /// </summary>
    public string Database { get; set; } = "default";

    /// <summary>Longest a single HTTP request may take: backfill batches and demo data run for minutes.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromHours(1);
}
