using Bunit;
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

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
