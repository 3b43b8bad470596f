using System.Net;
using Fifo.Admin.Tests.Hosting;
using Fifo.Testing.ClickHouse;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Fifo.Admin.Tests.Security;

/// <summary>No login configured and listening on loopback only: the console is open to this machine.</summary>
public sealed class OpenOnLoopbackTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>, IAsyncLifetime
{
    private AdminAppHost _app = null!;

    public async Task InitializeAsync() => _app = await AdminAppHost.StartAsync(TestSettings.For(db));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_and_hub_need_no_login()
    {
        using var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("no login is configured", await client.GetStringAsync("login"));

        await using var hub = _app.CreateHubConnection();
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }
}
