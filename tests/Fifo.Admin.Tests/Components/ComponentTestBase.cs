using Bunit;
using MudBlazor.Services;

namespace Fifo.Admin.Tests.Components;

/// <summary>A fresh bunit context per test with MudBlazor's services; JS calls MudBlazor makes are answered loosely.</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
