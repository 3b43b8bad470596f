using System.Diagnostics;
using System.Runtime.Versioning;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Embedded.Launcher;
using Fifo.Embedded.Server;
using Fifo.Testing;
using Xunit;

namespace Fifo.Embedded.Tests.Launcher;

/// <summary>The launcher: starting, sharing, stopping, restarting, its secret, and failures that must surface as clear errors.</summary>
public sealed class EmbeddedClickHouseTests
{
    [Fact]
    public async Task Starts_serves_and_stops_cleanly_when_disposed()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 2 });
        var connectionString = await engine.GetConnectionStringAsync();
        await using (var connection = new ClickHouseConnection(connectionString))
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT 1 + 1"));
        Assert.True(engine.OwnsEngine);
        Assert.True(File.Exists(Path.Combine(directory.Path, "fifo-clickhouse.endpoint.json")));
        using var process = Process.GetProcessById(engine.ProcessId!.Value);

        var watch = Stopwatch.StartNew();
        await engine.DisposeAsync();
        // Dispose closes the engine's stdin, the same signal it gets when this process dies.
        Assert.True(process.HasExited);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        Assert.False(File.Exists(Path.Combine(directory.Path, "fifo-clickhouse.endpoint.json")));
    }

    [Fact]
    public async Task Engine_leads_a_process_group_of_its_own_so_a_terminals_Ctrl_C_reaches_only_its_parent()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        await engine.GetConnectionStringAsync();
        var pid = engine.ProcessId!.Value;
        // Ctrl+C signals the terminal's foreground process group: this process's, which the engine has left.
        Assert.Equal(pid, ProcessGroupOf(pid));
        Assert.NotEqual(ProcessGroupOf(Environment.ProcessId), ProcessGroupOf(pid));
    }

    [Fact]
    public async Task Second_launcher_on_the_same_data_directory_uses_the_running_engine()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var first = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        await using var second = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        var firstConnection = await first.GetConnectionStringAsync();
        var secondConnection = await second.GetConnectionStringAsync();
        Assert.Equal(firstConnection, secondConnection);
        Assert.True(first.OwnsEngine);
        Assert.False(second.OwnsEngine);
        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.Contains("shared with pid", second.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_library_says_how_to_get_it()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions
        {
            DataDir = directory.Path,
            LibraryPath = Path.Combine(directory.Path, "nowhere", "libchdb.so"),
        });
        var error = await Assert.ThrowsAsync<EmbeddedClickHouseException>(() => engine.GetConnectionStringAsync().AsTask());
        Assert.Contains("scripts/fetch-chdb.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_library_fails_the_start_with_the_engines_own_words()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        var library = Path.Combine(directory.Path, "libchdb.so");
        await File.WriteAllTextAsync(library, "this is not a shared library");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = Path.Combine(directory.Path, "data"), LibraryPath = library });
        var error = await Assert.ThrowsAsync<EmbeddedClickHouseException>(() => engine.GetConnectionStringAsync().AsTask());
        Assert.Contains("exited with code 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-chdb.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crash_the_next_use_starts_a_new_engine()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        var crashedConnection = await engine.GetConnectionStringAsync();
        var crashedPid = engine.ProcessId!.Value;
        using (var process = Process.GetProcessById(crashedPid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        await Task.Delay(200);

        var connectionString = await engine.GetConnectionStringAsync();
        Assert.NotEqual(crashedPid, engine.ProcessId);
        Assert.True(engine.OwnsEngine);
        Assert.NotEqual(crashedConnection, connectionString);
        await using var connection = new ClickHouseConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task Hung_engine_is_killed_by_the_watchdog_and_the_next_use_starts_a_new_one()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 })
        {
            WatchdogInterval = TimeSpan.FromMilliseconds(300),
        };
        await engine.GetConnectionStringAsync();
        var pid = engine.ProcessId!.Value;
        using var process = Process.GetProcessById(pid);
        // SIGSTOP: the process is alive but answers nothing, like a hang.
        using (var stop = Process.Start("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await stop.WaitForExitAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var connectionString = await engine.GetConnectionStringAsync();
        Assert.NotEqual(pid, engine.ProcessId);
        await using var connection = new ClickHouseConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Endpoint_file_holds_the_secret_readable_by_its_owner_only()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        var secret = new ClickHouseConnectionStringBuilder(await engine.GetConnectionStringAsync()).Password;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EndpointFile.PathIn(directory.Path)));
        Assert.Equal(secret, EndpointFile.TryRead(directory.Path)!.Secret);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        // Every user can read a command line; the secret travels in the environment.
        var commandLine = await File.ReadAllTextAsync($"/proc/{engine.ProcessId}/cmdline");
        Assert.Contains("--data-dir", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, commandLine, StringComparison.Ordinal);
    }

    /// <summary>The mode is given at creation, also when an earlier write left its temporary file behind.</summary>
    [Fact]
    [SupportedOSPlatform("linux")]
    public void Endpoint_file_is_created_readable_by_its_owner_only()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        var leftover = EndpointFile.PathIn(directory.Path) + ".tmp";
        File.WriteAllText(leftover, "{}");
        File.SetUnixFileMode(leftover, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        new EndpointFile(1, 2, "v", DateTime.UtcNow, "secret").Write(directory.Path);

        Assert.Equal(EndpointFile.Mode, File.GetUnixFileMode(EndpointFile.PathIn(directory.Path)));
        Assert.Equal("secret", EndpointFile.TryRead(directory.Path)!.Secret);
    }

    [Fact]
    public void Engine_does_not_serve_without_a_secret()
    {
        var error = Assert.Throws<ArgumentException>(() => ServerArguments.Parse(["--data-dir", "/tmp/x"], null));
        Assert.Contains(EngineSecret.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ServerArguments.Parse(["--data-dir", "/tmp/x"], "short"));
        Assert.Equal("/tmp/x", ServerArguments.Parse(["--data-dir", "/tmp/x"], EngineSecret.New()).DataDirectory);
    }

    /// <summary>The process group of <paramref name="pid"/>: the field after the state in /proc/PID/stat.</summary>
    private static int ProcessGroupOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
