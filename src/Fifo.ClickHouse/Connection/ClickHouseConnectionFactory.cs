using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Connection;

/// <summary>
/// Hands out ClickHouse.Driver connections to the configured database, on the embedded engine or a server alike.
/// One <see cref="ClickHouseClient"/> (and with it one pooled HttpClient) per connection string; connections are
/// cheap views of it, so open one per unit of work and dispose it. The endpoint is asked for its connection string on
/// every open: the embedded engine's changes (another port, another secret) when it was restarted after a crash or
/// after the program whose engine it shared exited, and the next open then gets a client for the new one.
/// </summary>
public sealed partial class ClickHouseConnectionFactory : IDisposable
{
    private readonly IClickHouseEndpoint endpoint;
    private readonly ClickHouseOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    /// <summary>
    /// Clients for an earlier connection string, disposed with the factory, not when replaced: a unit of work may
    /// still hold one, and disposing it would turn that work's connection error (transient, retried) into an
    /// ObjectDisposedException (permanent). Restarts are rare; each leaves one idle HttpClient behind.
    /// </summary>
    private readonly List<ClickHouseClient> replacedClients = [];
    private EndpointClient? databaseClient;
    private EndpointClient? serverClient;

    public ClickHouseConnectionFactory(IClickHouseEndpoint endpoint, IOptions<ClickHouseOptions> options, ILoggerFactory loggerFactory)
    {
        this.endpoint = endpoint;
        this.options = options.Value;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<ClickHouseConnectionFactory>();
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
    /// and raw streamed results. Owned by the factory: do not dispose it. Ask again for each unit of work.
    /// </summary>
    public Task<ClickHouseClient> GetClientAsync(CancellationToken cancellationToken = default) =>
        GetClientAsync(scopedToDatabase: true, cancellationToken);

    /// <summary>A connection without a default database, for creating <see cref="Database"/> itself.</summary>
    public async Task<ClickHouseConnection> OpenWithoutDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var connection = (await GetClientAsync(scopedToDatabase: false, cancellationToken)).CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<ClickHouseClient> GetClientAsync(bool scopedToDatabase, CancellationToken cancellationToken)
    {
        // Also what starts the embedded engine again when it is gone.
        var connectionString = await endpoint.GetConnectionStringAsync(cancellationToken);
        var current = scopedToDatabase ? databaseClient : serverClient;
        if (current?.ConnectionString == connectionString)
            return current.Client;

        await gate.WaitAsync(cancellationToken);
        try
        {
            current = scopedToDatabase ? databaseClient : serverClient;
            if (current?.ConnectionString == connectionString)
                return current.Client;

            var settings = new ClickHouseClientSettings(connectionString)
            {
                Database = scopedToDatabase ? options.Database : "",
                Timeout = options.QueryTimeout,
                LoggerFactory = loggerFactory,
            };
            var created = new EndpointClient(connectionString, new ClickHouseClient(settings));
            if (scopedToDatabase)
                databaseClient = created;
            else
                serverClient = created;
            if (current is not null)
            {
                replacedClients.Add(current.Client);
                LogConnectionStringChanged(endpoint.Description);
            }
            return created.Client;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        databaseClient?.Client.Dispose();
        serverClient?.Client.Dispose();
        foreach (var client in replacedClients)
            client.Dispose();
        gate.Dispose();
    }

    /// <summary>A client and the connection string it was made from (which holds the password: never logged).</summary>
    private sealed record EndpointClient(string ConnectionString, ClickHouseClient Client);

    [LoggerMessage(Level = LogLevel.Information, Message = "ClickHouse at {Endpoint} has a new connection string (the engine was restarted); new connections use it")]
    private partial void LogConnectionStringChanged(string endpoint);
}
