using Fifo.Admin.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Admin.Tests.Security;

public sealed class AdminAccessTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:80", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://admin.example.com:5080", false)]
    public void Knows_loopback_addresses(string address, bool loopback) => Assert.Equal(loopback, AdminAccess.IsLoopback(address));

    [Theory]
    [InlineData("http://127.0.0.1:5080", false, false)]
    [InlineData("http://127.0.0.1:5080", true, true)]
    [InlineData("http://0.0.0.0:5080", true, true)]
    [InlineData("http://0.0.0.0:5080", false, true)]
    public void Login_is_required_when_configured_or_beyond_loopback(string address, bool configured, bool required)
    {
        var access = new AdminAccess(Login(configured), new ServerListeningOn(address));

        Assert.Equal(required, access.LoginRequired);
    }

    [Fact]
    public async Task Refuses_to_run_beyond_loopback_without_a_login()
    {
        var guard = new ListenAddressGuard(new AdminAccess(Login(false), new ServerListeningOn("http://0.0.0.0:5080")), NullLogger<ListenAddressGuard>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartedAsync(CancellationToken.None));

        Assert.Contains("http://0.0.0.0:5080", error.Message);
        Assert.Contains("Admin:User and Admin:PasswordHash", error.Message);
    }

    [Fact]
    public async Task Runs_beyond_loopback_with_a_login_and_on_loopback_without()
    {
        await new ListenAddressGuard(new AdminAccess(Login(true), new ServerListeningOn("http://0.0.0.0:5080")), NullLogger<ListenAddressGuard>.Instance)
            .StartedAsync(CancellationToken.None);
        await new ListenAddressGuard(new AdminAccess(Login(false), new ServerListeningOn("http://127.0.0.1:5080")), NullLogger<ListenAddressGuard>.Instance)
            .StartedAsync(CancellationToken.None);
    }

    private static IOptionsMonitor<AdminLoginOptions> Login(bool configured) => new StaticOptions(configured
        ? new AdminLoginOptions { User = "admin", PasswordHash = AdminCredentials.HashPassword("secret") }
        : new AdminLoginOptions());

    private sealed class StaticOptions(AdminLoginOptions value) : IOptionsMonitor<AdminLoginOptions>
    {
        public AdminLoginOptions CurrentValue => value;
        public AdminLoginOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AdminLoginOptions, string?> listener) => null;
    }

    /// <summary>A server that reports listen addresses without binding anything.</summary>
    private sealed class ServerListeningOn : IServer
    {
        public ServerListeningOn(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
                feature.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}
