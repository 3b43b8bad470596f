using System.Net;
using System.Text.Json.Serialization;
using Fifo.Admin.Extensions;
using Fifo.Admin.Hubs;
using Fifo.Admin.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>
/// The real app (Program.cs, the repo's appsettings.json and wwwroot) on Kestrel at a free loopback port, with
/// <c>settings</c> on top of its configuration. Started once the database is ready (migrated, demo data loaded when
/// the settings ask for the embedded engine).
/// </summary>
public sealed class AdminAppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Factory _factory;

    private AdminAppHost(Factory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<AdminAppHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new Factory(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new AdminAppHost(factory, new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/"));
        await host.WaitForDatabaseAsync();
        return host;
    }

    /// <summary>An HTTP client that does not follow redirects (tests look at them), with its own cookies.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>A .NET SignalR client of <c>/hubs/backfill</c> over WebSockets, as any outside program would connect.</summary>
    public HubConnection CreateHubConnection(CookieContainer? cookies = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, BackfillHub.Path.TrimStart('/')), o =>
            {
                if (cookies is not null)
                    o.Cookies = cookies;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task WaitForDatabaseAsync()
    {
        var status = Services.GetRequiredService<DatabaseStatus>();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!status.IsReady)
        {
            if (status.Stage == DatabaseStage.Failed)
                throw new InvalidOperationException($"The app's database did not get ready: {status.Detail}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The app's database was not ready after {StartTimeout}: {status.Stage} {status.Detail}");
            await Task.Delay(50);
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var root = AdminContentRoot.Resolve(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            builder.UseContentRoot(root);
            builder.UseWebRoot(Path.Combine(root, "wwwroot"));
            builder.UseEnvironment(Environments.Production);
            // Host settings reach the app's configuration before Program.cs reads it (unlike app configuration callbacks).
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
