using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Connection;

/// <summary>
/// Hands out ClickHouse.Driver connections to the configured database, on the embedded engine or a server alike.
/// One <see cref="ClickHouseClient"/> (and with it one pooled HttpClient) per process; connections are cheap views
/// of it, so open one per unit of work and dispose it.
/// </summary>
public sealed class ClickHouseConnectionFactory : IDisposable
{
    private readonly IClickHouseEndpoint endpoint;
    private readonly ClickHouseOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ClickHouseClient? databaseClient;
    private ClickHouseClient? serverClient;

    public ClickHouseConnectionFactory(IClickHouseEndpoint endpoint, IOptions<ClickHouseOptions> options, ILoggerFactory loggerFactory)
    {
        this.endpoint = endpoint;
        this.options = options.Value;
        this.loggerFactory = loggerFactory;
        DapperConfiguration.Apply();
    }

    /// <summary>The database every table lives in (<see cref="ClickHouseOptions.Database"/>).</summary>
    public string Database => options.Database;

    /// <summary>"embedded (./data/clickhouse)" or the server's host, never a password.</summary>
    public string EndpointDescription => endpoint.Description;

    /// <summary>True for the embedded engine on loopback (no point compressing request bodies).</summary>
    public bool IsEmbedded => endpoint.IsEmbedded;

    /// <summary>A connection whose queries run in <see cref="Database"/>. The database must exist (the migrator creates it).</summary>
    public async Task<ClickHouseConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = (await GetClientAsync(cancellationToken)).CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The client behind <see cref="OpenAsync"/>, for what ADO.NET has no verb for: binary bulk inserts
    /// (<see cref="ClickHouseClient.InsertBinaryAsync(string, IEnumerable{string}, IEnumerable{object[]}, InsertOptions, CancellationToken)"/>)
    /// and raw streamed results. Owned by the factory: do not dispose it.
    /// </summary>
    public async Task<ClickHouseClient> GetClientAsync(CancellationToken cancellationToken = default) =>
        databaseClient ?? await CreateClientAsync(scopedToDatabase: true, cancellationToken);

    /// <summary>A connection without a default database, for creating <see cref="Database"/> itself.</summary>
    public async Task<ClickHouseConnection> OpenWithoutDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var client = serverClient ?? await CreateClientAsync(scopedToDatabase: false, cancellationToken);
        var connection = client.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<ClickHouseClient> CreateClientAsync(bool scopedToDatabase, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var existing = scopedToDatabase ? databaseClient : serverClient;
            if (existing is not null)
                return existing;

            var connectionString = await endpoint.GetConnectionStringAsync(cancellationToken);
            var settings = new ClickHouseClientSettings(connectionString)
            {
                Database = scopedToDatabase ? options.Database : "",
                Timeout = options.QueryTimeout,
                LoggerFactory = loggerFactory,
            };
            var client = new ClickHouseClient(settings);
            if (scopedToDatabase)
                databaseClient = client;
            else
                serverClient = client;
            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        databaseClient?.Dispose();
        serverClient?.Dispose();
        gate.Dispose();
    }
}
