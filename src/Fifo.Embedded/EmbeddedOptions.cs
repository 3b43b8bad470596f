namespace Fifo.Embedded;

/// <summary>Bound from the "Embedded" section: where and how the embedded ClickHouse engine (chDB) runs.</summary>
public sealed class EmbeddedOptions
{
    public const string Section = "Embedded";

    /// <summary>The chDB version scripts/fetch-chdb.sh fetches; part of the default library path.</summary>
    public const string ChdbVersion = "26.7.3-stable.1";

    /// <summary>Environment variable that overrides the default library path.</summary>
    public const string LibraryEnvironmentVariable = "FIFO_CHDB_LIBRARY";

    /// <summary>Data directory of the engine; relative paths are taken from the current directory (the content root).</summary>
    public string DataDir { get; set; } = "./data/clickhouse";

    /// <summary>libchdb.so; default: $FIFO_CHDB_LIBRARY, else the cache scripts/fetch-chdb.sh fills.</summary>
    public string LibraryPath { get; set; } = DefaultLibraryPath();

    /// <summary>chDB connections serving requests in parallel (one statement each at a time).</summary>
    public int PoolSize { get; set; } = 4;

    /// <summary>Loopback port of the engine's HTTP interface; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>How long the engine may take to answer /ping after it is started.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public static string DefaultLibraryPath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(LibraryEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        var cacheRoot = Environment.GetEnvironmentVariable("FIFO_CACHE_DIR");
        if (string.IsNullOrWhiteSpace(cacheRoot))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            cacheRoot = Path.Combine(
                string.IsNullOrWhiteSpace(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg,
                "fifo-admin");
        }
        return Path.Combine(cacheRoot, "chdb", ChdbVersion, "libchdb.so");
    }
}
