using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Embedded.Tests.Launcher;

/// <summary>
/// The connection factory over an engine that goes away: the next open gets a new engine on the same data, without
/// restarting the program (the console used to stay on the dead engine's port until then).
/// </summary>
public sealed class EngineRestartTests
{
    [Fact]
    public async Task After_the_engine_is_killed_the_next_open_works_on_a_new_engine_with_the_same_data()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        var log = new RecordingLogger();
        await using var engine = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 }, log);
        using var factory = CreateFactory(engine);
        await StoreRowsAsync(factory);
        var killedPid = engine.ProcessId!.Value;
        using (var process = Process.GetProcessById(killedPid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        await Task.Delay(200);

        await using var connection = await factory.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count() FROM kept"));
        Assert.NotEqual(killedPid, engine.ProcessId);
        Assert.True(engine.OwnsEngine);
        Assert.Contains(log.Messages, m => m.Contains($"(pid {killedPid}, data {directory.Path}) crashed", StringComparison.Ordinal));
        Assert.Contains(log.Messages, m => m.Contains($"(pid {killedPid}) serving {directory.Path} is gone", StringComparison.Ordinal));
    }

    /// <summary>The web app on the engine the CLI started, and the CLI exits: the web app starts its own.</summary>
    [Fact]
    public async Task When_the_program_whose_engine_was_shared_exits_the_next_open_starts_one_of_its_own()
    {
        using var directory = new TempDirectory("fifo-launcher-test-");
        var cli = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        await cli.StartAsync();
        await using var webApp = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = directory.Path, PoolSize = 1 });
        using var factory = CreateFactory(webApp);
        await StoreRowsAsync(factory);
        Assert.False(webApp.OwnsEngine);

        await cli.DisposeAsync();

        await using var connection = await factory.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count() FROM kept"));
        Assert.True(webApp.OwnsEngine);
    }

    private static ClickHouseConnectionFactory CreateFactory(IClickHouseEndpoint endpoint) =>
        new(endpoint, Options.Create(new ClickHouseOptions { Database = "default" }), NullLoggerFactory.Instance);

    private static async Task StoreRowsAsync(ClickHouseConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE kept (a UInt32) ENGINE = MergeTree ORDER BY a");
        await connection.ExecuteAsync("INSERT INTO kept VALUES (1), (2), (3)");
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IReadOnlyCollection<string> Messages => messages;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => messages.Enqueue(formatter(state, exception));
    }
}
