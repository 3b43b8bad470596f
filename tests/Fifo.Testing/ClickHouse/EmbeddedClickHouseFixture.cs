using Fifo.Embedded;
using Xunit;

namespace Fifo.Testing.ClickHouse;

/// <summary>
/// Access to the test assembly's embedded engine (one per test process, however many classes use it). Use it as a
/// class or collection fixture when a test needs the engine itself; most tests want <see cref="ClickHouseTestDatabase"/>.
/// </summary>
public sealed class EmbeddedClickHouseFixture : IAsyncLifetime
{
    private EmbeddedClickHouse? engine;
    private string? connectionString;

    public EmbeddedClickHouse Engine => engine ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>Connection string of the engine, without a database.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public async Task InitializeAsync()
    {
        engine = await SharedEmbeddedEngine.GetAsync().ConfigureAwait(false);
        connectionString = await engine.GetConnectionStringAsync().ConfigureAwait(false);
    }

    /// <summary>A new, empty database of its own (dropped when the result is disposed).</summary>
    public Task<ClickHouseTestDatabase> CreateDatabaseAsync() => ClickHouseTestDatabase.CreateAsync();

    /// <summary>The shared engine lives until the test process exits.</summary>
    public Task DisposeAsync() => Task.CompletedTask;
}
