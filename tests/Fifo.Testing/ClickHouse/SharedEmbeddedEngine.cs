using Fifo.Embedded;

namespace Fifo.Testing.ClickHouse;

/// <summary>
/// The one embedded engine of a test assembly: started on first use in a fresh temporary data directory, stopped
/// and deleted when the test process exits. Directories left by test processes that died are removed on start.
/// </summary>
internal static class SharedEmbeddedEngine
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "fifo-tests");
    private static readonly Lazy<Task<EmbeddedClickHouse>> Engine = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<EmbeddedClickHouse> GetAsync() => Engine.Value;

    private static async Task<EmbeddedClickHouse> StartAsync()
    {
        RemoveDirectoriesOfDeadProcesses();
        var dataDir = Path.Combine(Root, $"clickhouse-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = dataDir, PoolSize = 4 });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            engine.Dispose();
            TryDelete(dataDir);
        };
        await engine.StartAsync().ConfigureAwait(false);
        return engine;
    }

    private static void RemoveDirectoriesOfDeadProcesses()
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var directory in Directory.GetDirectories(Root, "clickhouse-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length == 3 && int.TryParse(parts[1], out var pid) && !IsAlive(pid))
                TryDelete(directory);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed by the next test run that finds it.
        }
    }
}
