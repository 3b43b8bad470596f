using System.Net;
using Fifo.Admin.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Fifo.Admin.Tests.Security;

/// <summary>No login configured and listening on loopback only: the console is open to this machine.</summary>
public sealed class OpenOnLoopbackTests(OpenAppFixture fixture) : IClassFixture<OpenAppFixture>
{
    private readonly AdminAppHost _app = fixture.App;

    [Fact]
    public async Task Pages_and_hub_need_no_login()
    {
        using var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("No login is configured", await client.GetStringAsync("login"));

        await using var hub = _app.CreateHubConnection();
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }
}
