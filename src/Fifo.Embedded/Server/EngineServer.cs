using System.Net;
using Fifo.Embedded.Engine;
using Fifo.Embedded.Http;
using Fifo.Embedded.Launcher;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Server;

/// <summary>
/// The fifo-clickhouse process: boots chDB on the data directory, serves ClickHouse's HTTP interface on loopback,
/// announces itself (ready line on stdout, endpoint file in the data directory), and stops when its parent's end of
/// stdin closes (the parent exited, even by kill -9) or on SIGTERM. Statements run only for requests that carry the
/// launch's secret and come from no web page (<see cref="EngineAccess"/>).
/// </summary>
internal static partial class EngineServer
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(ServerArguments arguments)
    {
        // Native calls block their thread for as long as a statement runs.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);

        // Empty: the engine runs in its parent's directory, whose appsettings.json and ASPNETCORE_* variables are the
        // parent's, not the engine's. Its own log levels come from FIFO_CLICKHOUSE_Logging__LogLevel__*.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("FIFO_CLICKHOUSE_");
        builder.WebHost.UseKestrelCore();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // Kestrel reports the exception that deliberately cuts an answer after an in-band error (see QueryResponse).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Critical);
        // stdout carries the ready line only; every log line goes to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, arguments.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            // ClickHouse.Driver sends query parameters in the URL; ClickHouse accepts URIs up to 1 MiB
            // (http_max_uri_size), so an Array(String) of a few thousand wallets must not be refused with 414.
            kestrel.Limits.MaxRequestLineSize = 1024 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 1024 * 1024 + 64 * 1024;
            kestrel.Limits.MaxRequestBufferSize = 2 * 1024 * 1024;
            kestrel.AddServerHeader = false;
            // Compression streams write their last frame from Dispose, which is synchronous.
            kestrel.AllowSynchronousIO = true;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.Services.AddSingleton(services => ChdbEngine.Start(
            arguments.LibraryPath, arguments.DataDirectory, arguments.PoolSize, services.GetRequiredService<ILogger<ChdbEngine>>()));
        builder.Services.AddSingleton<SessionRegistry>();
        builder.Services.AddSingleton<RunningQueries>();
        builder.Services.AddSingleton<QueryEndpoint>();

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fifo.Embedded.Server");
        // Boot chDB before listening, so a broken library fails the start instead of the first query. Resolved first,
        // it is disposed last: after the sessions and the pool, its spare connection closes and the engine shuts down.
        var engine = app.Services.GetRequiredService<ChdbEngine>();
        var endpoint = app.Services.GetRequiredService<QueryEndpoint>();
        var access = new EngineAccess(arguments.Secret);
        app.Run(context => Route(context, endpoint, access));

        await app.StartAsync().ConfigureAwait(false);
        var port = BoundPort(app);
        var pid = Environment.ProcessId;
        new EndpointFile(pid, port, engine.Version, DateTime.UtcNow, arguments.Secret).Write(arguments.DataDirectory);
        Console.Out.WriteLine(ReadyLine.Format(port, pid, engine.Version));
        Console.Out.Flush();
        LogServing(logger, arguments.DataDirectory, port, arguments.PoolSize, engine.Version);

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        WatchStandardInput(lifetime, logger);
        lifetime.ApplicationStopping.Register(() => ExitIfStuck(logger));

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        EndpointFile.DeleteIfOwnedBy(arguments.DataDirectory, pid);
        await app.DisposeAsync().ConfigureAwait(false);
        LogStopped(logger);
        return 0;
    }

    private static Task Route(HttpContext context, QueryEndpoint endpoint, EngineAccess access)
    {
        if (EngineAccess.IsFromWebPage(context.Request))
            return EngineAccess.RefuseWebPageAsync(context);
        var path = context.Request.Path.Value ?? "/";
        // Health checks run nothing and tell nothing but "Ok.": open, as on a ClickHouse server.
        if (path is "/ping" or "/replicas_status")
            return context.Response.WriteAsync("Ok.\n");
        if (path == "/" && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsGet(context.Request.Method)))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Query.ContainsKey("query"))
                return context.Response.WriteAsync("Ok.\n");
            if (!access.IsAuthenticated(context.Request))
                return EngineAccess.RefuseUnauthenticatedAsync(context);
            return endpoint.HandleAsync(context);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsync($"There is no handle {path}\n\nUse / or /ping for health checks.\n");
    }

    private static int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }

    /// <summary>The parent holds the other end of stdin; when it exits for any reason, the pipe closes.</summary>
    private static void WatchStandardInput(IHostApplicationLifetime lifetime, ILogger logger)
    {
        var thread = new Thread(() =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                    // Anything the parent writes is ignored; only the end of the stream matters.
                }
            }
            catch (IOException)
            {
                // A broken pipe means the same as its end.
            }
            LogParentGone(logger);
            lifetime.StopApplication();
        })
        { IsBackground = true, Name = "stdin watcher" };
        thread.Start();
    }

    /// <summary>A statement that ignores KILL must not keep a stopping engine alive forever.</summary>
    private static void ExitIfStuck(ILogger logger)
    {
        var timer = new Thread(() =>
        {
            Thread.Sleep(ExitDeadline);
            LogForcedExit(logger, ExitDeadline.TotalSeconds);
            Environment.Exit(3);
        })
        { IsBackground = true, Name = "exit deadline" };
        timer.Start();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {DataDirectory} on 127.0.0.1:{Port} with {PoolSize} connections (chDB {Version})")]
    private static partial void LogServing(ILogger logger, string dataDirectory, int port, int poolSize, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input closed: the parent process is gone; stopping")]
    private static partial void LogParentGone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Still not stopped {Seconds} s after the stop request; exiting")]
    private static partial void LogForcedExit(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped")]
    private static partial void LogStopped(ILogger logger);
}
