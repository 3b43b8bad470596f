using Bunit;
using Fifo.Backfill;
using Fifo.Embedded;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Xunit;

namespace Fifo.Admin.Tests.Components;

/// <summary>
/// A fresh bunit context per test with MudBlazor's services; JS calls MudBlazor makes are answered loosely.
/// Disposed asynchronously: some MudBlazor services are IAsyncDisposable only.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>The real read services (logging, the ClickHouse endpoint, the engine) on a test database, for pages tested against it.</summary>
    protected void AddEngineServices(ClickHouseTestDatabase db)
    {
        Services.AddLogging();
        Services.AddClickHouseEndpoint(db.Configuration);
        Services.AddFifoEngine(db.Configuration);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
