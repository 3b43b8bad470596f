using System.Net;
using Fifo.Admin.Security;
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

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_host_names_with_any_port_get_in(string host)
    {
        using var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/", ("Host", $"{host}:{_app.BaseAddress.Port}")))).StatusCode);
    }

    /// <summary>A same-host reverse proxy connects from loopback for anyone; a DNS-rebound page brings a foreign Host.</summary>
    [Theory]
    [InlineData("Host", "attacker.example")]
    [InlineData("Host", "attacker.example:5080")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "console.example")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Requests_not_provably_from_this_machine_are_refused_with_how_to_configure_a_login(string header, string value)
    {
        using var client = _app.CreateClient();

        var page = await client.SendAsync(Get("/", (header, value)));
        var negotiate = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "hubs/backfill/negotiate?negotiateVersion=1") { Headers = { { header, value } } });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        Assert.Equal(LocalOnlyMiddleware.Refusal, await page.Content.ReadAsStringAsync());
        Assert.Contains("Admin:User and Admin:PasswordHash", LocalOnlyMiddleware.Refusal);
    }

    private static HttpRequestMessage Get(string path, (string Name, string Value) header) =>
        new(HttpMethod.Get, path) { Headers = { { header.Name, header.Value } } };
}
