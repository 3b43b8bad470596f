namespace Fifo.ClickHouse.Connection;

/// <summary>
/// Where ClickHouse is: a configured server, or the embedded engine started on demand. Everything else in the
/// project asks this for a connection string and never cares which one it is.
/// </summary>
public interface IClickHouseEndpoint
{
    /// <summary>"embedded (./data/clickhouse)" or the server's host, for logs and the settings page; never a password.</summary>
    string Description { get; }

    bool IsEmbedded { get; }

    /// <summary>A ClickHouse.Driver connection string; starts the embedded engine on first use.</summary>
    ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken = default);
}
