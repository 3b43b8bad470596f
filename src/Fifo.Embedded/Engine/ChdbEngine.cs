using System.Runtime.InteropServices;
using Fifo.Embedded.Native;
using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Engine;

/// <summary>
/// The chDB engine of this process: one data directory, a spare connection that stays open for the whole life of
/// the process (closing the last connection shuts the engine down; it also runs KILL QUERY), and a pool for requests.
/// </summary>
internal sealed partial class ChdbEngine : IDisposable
{
    private readonly ILogger logger;
    private readonly ChdbLibrary library;
    private readonly Lock spareLock = new();
    private readonly EngineConnection spare;
    private readonly string[] connectArguments;
    private int nextConnectionId;

    private ChdbEngine(ChdbLibrary library, string dataDirectory, int poolSize, ILogger logger)
    {
        this.logger = logger;
        this.library = library;
        connectArguments = [$"--path={dataDirectory}"];
        spare = OpenConnection();
        Pool = new ConnectionPool(Enumerable.Range(0, poolSize).Select(_ => OpenConnection()).ToList());
    }

    public ConnectionPool Pool { get; }

    public string Version => library.GetVersion();

    /// <summary>Loads libchdb, pins the time zone to UTC and boots the engine on <paramref name="dataDirectory"/>.</summary>
    public static unsafe ChdbEngine Start(string libraryPath, string dataDirectory, int poolSize, ILogger logger)
    {
        // chDB reads TZ from the C environment; Environment.SetEnvironmentVariable does not reach it on Unix.
        if (SetEnvironment("TZ", "UTC", 1) != 0)
            throw new InvalidOperationException("setenv(TZ=UTC) failed.");
        var library = ChdbLibrary.Load(libraryPath);
        // chDB's own signal handlers break the .NET runtime (first managed exception hangs the engine).
        library.SetSignalHandlersEnabled(0);
        Directory.CreateDirectory(dataDirectory);
        return new ChdbEngine(library, Path.GetFullPath(dataDirectory), poolSize, logger);
    }

    /// <summary>A new connection outside the pool (a session's own), closed by its owner.</summary>
    public EngineConnection OpenConnection()
    {
        var id = Interlocked.Increment(ref nextConnectionId);
        var native = ChdbConnection.Open(library, connectArguments);
        LogConnectionOpened(id);
        return new EngineConnection(native, id);
    }

    /// <summary>Runs a short statement on the spare connection (KILL QUERY); never blocks on a busy pool.</summary>
    public void ExecuteOnSpare(string sql)
    {
        lock (spareLock)
            spare.Execute(sql);
    }

    public void Dispose()
    {
        Pool.Dispose();
        // Last: closing it shuts the engine down.
        spare.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    [LoggerMessage(Level = LogLevel.Debug, Message = "chDB connection {ConnectionId} opened")]
    private partial void LogConnectionOpened(int connectionId);
}
