using System.Diagnostics;
using System.Globalization;
using Fifo.ClickHouse.Connection;
using Fifo.Embedded.Launcher;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fifo.Embedded;

/// <summary>
/// The embedded ClickHouse engine: a fifo-clickhouse child process serving chDB on 127.0.0.1, started on first use.
/// One engine per data directory: when another live process already serves the directory (the web app while the
/// CLI runs), its engine is used instead. Each launch has its own secret, which every query must carry (it is in the
/// connection string, and in the endpoint file for programs sharing the engine). An engine that crashed, hung (killed
/// by the watchdog) or went away with the program that shared it is logged, and the next
/// <see cref="GetConnectionStringAsync"/> starts (or finds) a new one: its connection string differs (another port,
/// another secret), which is how <see cref="ClickHouseConnectionFactory"/> knows to build a new client.
/// </summary>
public sealed partial class EmbeddedClickHouse : IClickHouseEndpoint, IAsyncDisposable, IDisposable
{
    private const string LockFileName = "fifo-clickhouse.launch.lock";
    private const int MissedPingsBeforeKill = 3;
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    private readonly EmbeddedOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HttpClient http = new();
    private EngineProcess? owned;
    private Timer? watchdog;
    private int missedPings;
    private int? sharedPid;
    private string? connectionString;
    private bool disposed;

    public EmbeddedClickHouse(IOptions<EmbeddedOptions> options, ILogger<EmbeddedClickHouse> logger)
        : this(options.Value, logger)
    {
    }

    public EmbeddedClickHouse(EmbeddedOptions options, ILogger? logger = null)
    {
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        DataDirectory = Path.GetFullPath(options.DataDir);
    }

    /// <summary>How often the engine's /ping is checked; it is killed as hung after three misses.</summary>
    internal TimeSpan WatchdogInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Absolute data directory of the engine.</summary>
    public string DataDirectory { get; }

    public string Description => sharedPid is { } pid
        ? $"embedded ({options.DataDir}, shared with pid {pid})"
        : $"embedded ({options.DataDir})";

    public bool IsEmbedded => true;

    /// <summary>Loopback port of the engine once started; 0 before.</summary>
    public int Port { get; private set; }

    /// <summary>Process id of the engine serving the data directory once started (ours or a shared one).</summary>
    public int? ProcessId => owned?.Pid ?? sharedPid;

    /// <summary>True when this instance started the engine (and stops it on dispose); false when it uses another's.</summary>
    public bool OwnsEngine => owned is not null;

    /// <summary>
    /// The connection string of the engine, starting it (or finding the one that already serves the data directory)
    /// when needed, also when the one used so far is gone. Without Database: callers add theirs.
    /// </summary>
    public async ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connectionString is not null)
            {
                if (IsAlive())
                    return connectionString;
                LogGone(ProcessId, DataDirectory);
            }
            await StartOrAttachAsync(cancellationToken).ConfigureAwait(false);
            return connectionString!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Starts the engine now rather than on first use.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => GetConnectionStringAsync(cancellationToken).AsTask();

    private bool IsAlive() => owned is not null ? !owned.HasExited : sharedPid is { } pid && ProcessIsAlive(pid);

    private async Task StartOrAttachAsync(CancellationToken cancellationToken)
    {
        await StopOwnedAsync().ConfigureAwait(false);
        sharedPid = null;
        connectionString = null;
        Directory.CreateDirectory(DataDirectory);
        var stopwatch = Stopwatch.StartNew();
        // The lock covers look-up and start, so two programs starting at once end up with one engine.
        using var launchLock = await AcquireLaunchLockAsync(cancellationToken).ConfigureAwait(false);

        if (EndpointFile.TryRead(DataDirectory) is { } existing && existing.Pid != Environment.ProcessId
            && ProcessIsAlive(existing.Pid) && await PingAsync(existing.Port, PingTimeout, cancellationToken).ConfigureAwait(false))
        {
            sharedPid = existing.Pid;
            Port = existing.Port;
            connectionString = BuildConnectionString(existing.Port, existing.Secret);
            LogAttached(DataDirectory, existing.Pid, existing.Port);
            return;
        }

        if (!File.Exists(options.LibraryPath))
            throw new EmbeddedClickHouseException(
                $"libchdb.so not found at '{options.LibraryPath}': run scripts/fetch-chdb.sh (it downloads and verifies it), " +
                $"or set {EmbeddedOptions.Section}:{nameof(EmbeddedOptions.LibraryPath)} / {EmbeddedOptions.LibraryEnvironmentVariable}.");

        var secret = EngineSecret.New();
        var command = EngineCommand.For([
            "--data-dir", DataDirectory,
            "--port", options.Port.ToString(CultureInfo.InvariantCulture),
            "--library", options.LibraryPath,
            "--pool-size", options.PoolSize.ToString(CultureInfo.InvariantCulture),
        ], new Dictionary<string, string> { [EngineSecret.EnvironmentVariable] = secret });
        var process = EngineProcess.Start(command, logger);
        try
        {
            var port = await process.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            if (!await PingAsync(port, PingTimeout, cancellationToken).ConfigureAwait(false))
                throw new EmbeddedClickHouseException($"The embedded ClickHouse engine (pid {process.Pid}) reported port {port} but does not answer /ping there.");
            owned = process;
            Port = port;
            connectionString = BuildConnectionString(port, secret);
            process.ExitedUnexpectedly += OnExitedUnexpectedly;
            missedPings = 0;
            watchdog = new Timer(_ => _ = WatchAsync(), null, WatchdogInterval, WatchdogInterval);
            LogStarted(DataDirectory, process.Pid, port, stopwatch.Elapsed.TotalMilliseconds);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    private async Task<FileStream> AcquireLaunchLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(DataDirectory, LockFileName);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < options.StartTimeout)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Logged with the engine's last words; the next <see cref="GetConnectionStringAsync"/> starts a new one.</summary>
    private void OnExitedUnexpectedly(EngineProcess process) => LogCrashed(process.Pid, DataDirectory, process.DescribeExit());

    /// <summary>A process that is alive but stops answering /ping is hung: after a few misses it is killed.</summary>
    private async Task WatchAsync()
    {
        var process = owned;
        if (process is null || process.HasExited || disposed)
            return;
        var timeout = WatchdogInterval < PingTimeout ? WatchdogInterval : PingTimeout;
        if (await PingAsync(Port, timeout, CancellationToken.None).ConfigureAwait(false))
        {
            missedPings = 0;
            return;
        }
        if (++missedPings < MissedPingsBeforeKill)
            return;
        var seconds = MissedPingsBeforeKill * WatchdogInterval.TotalSeconds;
        LogHung(process.Pid, seconds);
        process.Kill();
    }

    private async Task<bool> PingAsync(int port, TimeSpan timeoutAfter, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutAfter);
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/ping"), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string BuildConnectionString(int port, string secret) =>
        // Loopback: compressing answers only costs CPU on both ends. The secret is base64url: nothing to quote.
        string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={port};Protocol=http;Username={EngineSecret.User};Password={secret};Compression=false");

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task StopOwnedAsync()
    {
        watchdog?.Dispose();
        watchdog = null;
        var process = owned;
        owned = null;
        if (process is null)
            return;
        process.ExitedUnexpectedly -= OnExitedUnexpectedly;
        await process.StopAsync().ConfigureAwait(false);
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
                return;
            disposed = true;
            await StopOwnedAsync().ConfigureAwait(false);
            http.Dispose();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded ClickHouse started for {DataDirectory}: pid {Pid}, port {Port}, in {ElapsedMs:0} ms")]
    private partial void LogStarted(string dataDirectory, int pid, int port, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded ClickHouse for {DataDirectory} is already served by pid {Pid} on port {Port}; using it")]
    private partial void LogAttached(string dataDirectory, int pid, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded ClickHouse (pid {Pid}, data {DataDirectory}) crashed: it {Exit}; the next use starts a new engine")]
    private partial void LogCrashed(int pid, string dataDirectory, string exit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded ClickHouse (pid {Pid}) stopped answering /ping for {Seconds} s; killed, the next use starts a new engine")]
    private partial void LogHung(int pid, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded ClickHouse (pid {Pid}) serving {DataDirectory} is gone; starting or finding a new engine")]
    private partial void LogGone(int? pid, string dataDirectory);
}
