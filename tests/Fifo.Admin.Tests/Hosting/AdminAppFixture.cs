using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>
/// One running app per test class, on a database of its own in the shared test engine (server mode, as against a
/// real ClickHouse). Subclasses choose the settings and what to prepare once the app runs.
/// </summary>
public abstract class AdminAppFixture : IAsyncLifetime
{
    private ClickHouseTestDatabase? _database;

    public AdminAppHost App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await ClickHouseTestDatabase.CreateAsync();
        App = await AdminAppHost.StartAsync(Settings(_database));
        await PrepareAsync();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    protected abstract Dictionary<string, string?> Settings(ClickHouseTestDatabase database);

    protected virtual Task PrepareAsync() => Task.CompletedTask;
}
