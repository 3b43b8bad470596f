namespace Fifo.ClickHouse.Connection;

/// <summary>Bound from the "ClickHouse" section. An empty connection string selects the embedded engine.</summary>
public sealed class ClickHouseOptions
{
    public const string Section = "ClickHouse";

    /// <summary>ClickHouse.Driver connection string of a server or ClickHouse Cloud; empty = embedded chDB.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Database holding every table; created when missing.</summary>
    public string Database { get; set; } = "default";
}
