using ClickHouse.Driver.ADO;
using Fifo.ClickHouse.Connection;
using Fifo.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Fifo.Testing.ClickHouse;

/// <summary>
/// A database of its own in the test assembly's embedded engine: use as <c>IClassFixture&lt;ClickHouseTestDatabase&gt;</c>
/// so each test class gets a fresh, empty database (created before the first test, dropped after the last).
/// <see cref="Configuration"/> points ClickHouse:ConnectionString at the engine and ClickHouse:Database at this
/// database, ready for <c>services.AddClickHouseEndpoint(configuration)</c> and <c>services.AddFifoEngine(configuration)</c>.
/// </summary>
public sealed class ClickHouseTestDatabase : IAsyncLifetime, IAsyncDisposable
{
    private string? serverConnectionString;
    private string? database;

    /// <summary>Connection string of the engine, without a database.</summary>
    public string ServerConnectionString => serverConnectionString ?? throw NotInitialized();

    /// <summary>Name of this class's database, e.g. t_3f2a9c0d41b7e688.</summary>
    public string Database => database ?? throw NotInitialized();

    /// <summary>Connection string with Database set to <see cref="Database"/>.</summary>
    public string ConnectionString => $"{ServerConnectionString};Database={Database}";

    /// <summary>ClickHouse:ConnectionString and ClickHouse:Database for this database.</summary>
    public IConfiguration Configuration => CreateConfiguration();

    public static async Task<ClickHouseTestDatabase> CreateAsync()
    {
        var db = new ClickHouseTestDatabase();
        await db.InitializeAsync().ConfigureAwait(false);
        return db;
    }

    public async Task InitializeAsync()
    {
        var engine = await SharedEmbeddedEngine.GetAsync().ConfigureAwait(false);
        serverConnectionString = await engine.GetConnectionStringAsync().ConfigureAwait(false);
        database = $"t_{Guid.NewGuid():N}"[..18];
        using var connection = new ClickHouseConnection(ServerConnectionString);
        await ExecuteAsync(connection, $"CREATE DATABASE {database}").ConfigureAwait(false);
    }

    /// <summary>
    /// Configuration for this database, plus any extra keys (e.g. ["Tables:Lots"] = "lots_x"). Later keys win.
    /// </summary>
    public IConfiguration CreateConfiguration(IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{ClickHouseOptions.Section}:{nameof(ClickHouseOptions.ConnectionString)}"] = ServerConnectionString,
            [$"{ClickHouseOptions.Section}:{nameof(ClickHouseOptions.Database)}"] = Database,
        };
        foreach (var (key, value) in extra ?? [])
            values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>
    /// A service provider with logging, <paramref name="configuration"/> (default <see cref="Configuration"/>) as
    /// IConfiguration, and the ClickHouse endpoint; <paramref name="configure"/> adds the rest, e.g.
    /// <c>(services, config) =&gt; services.AddFifoEngine(config)</c>.
    /// </summary>
    public ServiceProvider CreateServices(Action<IServiceCollection, IConfiguration>? configure = null, IConfiguration? configuration = null)
    {
        configuration ??= Configuration;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddClickHouseEndpoint(configuration);
        configure?.Invoke(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A closed connection to this database; the caller opens and disposes it.</summary>
    public ClickHouseConnection CreateConnection() => new(ConnectionString);

    public async Task<ClickHouseConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (database is null)
            return;
        using var connection = new ClickHouseConnection(ServerConnectionString);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {database} SYNC").ConfigureAwait(false);
        database = null;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    private static async Task ExecuteAsync(ClickHouseConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static InvalidOperationException NotInitialized() =>
        new("The test database is not initialized yet: use it as an IClassFixture or create it with CreateAsync.");
}
