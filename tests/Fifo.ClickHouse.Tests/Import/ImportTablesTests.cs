using Dapper;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Hosting;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using ClickHouseConnection = ClickHouse.Driver.ADO.ClickHouseConnection;

namespace Fifo.ClickHouse.Tests.Import;

public sealed class ImportTablesTests(ClickHouseTestDatabase db) : ImportTestBase(db), IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_table_an_import_makes_names_this_process_and_is_in_use_until_released()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var inUse = await ImportTables.CreateAsync(connection, "fifo_import_staging_mine", "(a String) ENGINE = MergeTree ORDER BY tuple()",
            CancellationToken.None);

        var table = Assert.Single(await ListAsync(connection));
        Assert.Equal(ProcessIdentity.Current, table.Owner);
        Assert.True(table.InUse);
        Assert.Equal($"in use by a running import (process {Environment.ProcessId} on {Environment.MachineName})", table.Situation);
        Assert.Empty(await ImportTables.DropOrphansAsync(connection, Db.Database, NullLogger.Instance, CancellationToken.None));

        inUse.Dispose();

        Assert.True(Assert.Single(await ListAsync(connection)).IsOrphaned);
        Assert.Equal(["fifo_import_staging_mine"],
            await ImportTables.DropOrphansAsync(connection, Db.Database, NullLogger.Instance, CancellationToken.None));
        Assert.Empty(await LeftBehindAsync());
    }

    [Fact]
    public async Task An_import_drops_the_tables_no_import_uses_and_keeps_those_it_cannot_tell_about()
    {
        using var running = ChildProcess.Start();
        var runningProcess = running.Identity;
        var killed = ChildProcess.Exited();
        var elsewhere = ProcessIdentity.Current with { Scope = "another-boot:4026531836", ProcessId = 4242 };
        await using var connection = await Db.OpenConnectionAsync();
        await CreateAsync(connection, "fifo_import_staging_killed", $"fifo import by {killed}");
        await CreateAsync(connection, "fifo_import_commit_killed", $"fifo import by {killed}");
        await CreateAsync(connection, "fifo_import_staging_released", $"fifo import by {ProcessIdentity.Current}");
        await CreateAsync(connection, "fifo_import_staging_running", $"fifo import by {runningProcess}");
        await CreateAsync(connection, "fifo_import_staging_elsewhere", $"fifo import by {elsewhere}");
        await CreateAsync(connection, "fifo_import_staging_unknown", comment: null);
        try
        {
            var before = (await ListAsync(connection)).ToDictionary(t => t.Name);
            Assert.Equal(killed, before["fifo_import_staging_killed"].Owner);
            Assert.False(before["fifo_import_staging_killed"].InUse);
            Assert.Equal($"left by an import of process {killed.ProcessId} on {killed.Host}, which no longer runs; the next import drops it",
                before["fifo_import_staging_killed"].Situation);
            Assert.False(before["fifo_import_staging_released"].InUse); // this process, but no import of it uses the table
            Assert.True(before["fifo_import_staging_running"].InUse);
            Assert.Null(before["fifo_import_staging_elsewhere"].InUse);
            Assert.Equal($"made by an import on {elsewhere.Host} (another machine or container); unless that import still runs, drop it",
                before["fifo_import_staging_elsewhere"].Situation);
            Assert.Null(before["fifo_import_staging_unknown"].Owner);

            var result = await Importer.ImportFileAsync(ImportTarget.Fills, WriteCsv(FillsHeader,
                $"clob_t1_o1-t,t1,{Wallet},{Condition},1,100.5,-40.2,2024-03-01 12:00:00,clob"));

            Assert.Equal(1, result.Rows);
            Assert.Equal(["fifo_import_staging_elsewhere", "fifo_import_staging_running", "fifo_import_staging_unknown"],
                (await LeftBehindAsync()).Order());
        }
        finally
        {
            running.Stop();
            foreach (var table in await LeftBehindAsync())
                await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table} SYNC");
        }
    }

    [Fact]
    public async Task A_leftover_that_cannot_be_dropped_is_logged_and_does_not_stop_the_import()
    {
        var killed = ChildProcess.Exited();
        await using var connection = await Db.OpenConnectionAsync();
        await CreateAsync(connection, "fifo_import_staging_pinned", $"fifo import by {killed}");
        await CreateAsync(connection, "fifo_import_staging_loose", $"fifo import by {killed}");
        // A dictionary reading the table makes the server refuse to drop it (HAVE_DEPENDENT_OBJECTS).
        await connection.ExecuteAsync(
            "CREATE DICTIONARY fifo_test_pin (fill_id String) PRIMARY KEY fill_id " +
            $"SOURCE(CLICKHOUSE(TABLE 'fifo_import_staging_pinned' DB '{Db.Database}')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0)");
        try
        {
            var logger = new RecordingLogger();

            Assert.Equal(["fifo_import_staging_loose"],
                await ImportTables.DropOrphansAsync(connection, Db.Database, logger, CancellationToken.None));

            var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Exception is not null);
            Assert.Equal("Could not drop the import table fifo_import_staging_pinned; drop it by hand", warning.Message);
            Assert.Contains("HAVE_DEPENDENT_OBJECTS", warning.Exception!.Message);

            var result = await Importer.ImportFileAsync(ImportTarget.Fills, WriteCsv(FillsHeader,
                $"clob_t1_o1-t,t1,{Wallet},{Condition},1,100.5,-40.2,2024-03-01 12:00:00,clob"));

            Assert.Equal(1, result.Rows);
            Assert.Equal(["fifo_import_staging_pinned"], await LeftBehindAsync());
        }
        finally
        {
            await connection.ExecuteAsync("DROP DICTIONARY IF EXISTS fifo_test_pin SYNC");
            foreach (var table in await LeftBehindAsync())
                await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table} SYNC");
        }
    }

    [Fact]
    public async Task The_embedded_engines_own_database_keeps_the_maker_a_table_comment_names()
    {
        // The app's embedded default writes into chDB's `default` database, an Overlay one, not an Atomic one like the
        // test databases; the owner check depends on its table comments surviving.
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal("Overlay", await connection.ExecuteScalarAsync<string>("SELECT engine FROM system.databases WHERE name = 'default'"));
        var name = $"fifo_import_staging_overlay_{Guid.NewGuid():N}";
        try
        {
            using (await ImportTables.CreateAsync(connection, $"default.{name}", "(a String) ENGINE = MergeTree ORDER BY tuple()",
                       CancellationToken.None))
            {
                var table = Assert.Single(await ImportTables.ListAsync(connection, "default", CancellationToken.None), t => t.Name == name);
                Assert.Equal(ProcessIdentity.Current, table.Owner);
            }
        }
        finally
        {
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS default.{name} SYNC");
        }
    }

    private Task<IReadOnlyList<LeftoverImportTable>> ListAsync(ClickHouseConnection connection) =>
        ImportTables.ListAsync(connection, Db.Database, CancellationToken.None);

    private static Task CreateAsync(ClickHouseConnection connection, string name, string? comment) =>
        connection.ExecuteAsync(
            $"CREATE TABLE {name} (fill_id String) ENGINE = MergeTree ORDER BY tuple()" + (comment is null ? "" : $" COMMENT '{comment}'"));

    /// <summary>Keeps what is logged, to check the warnings an operator would read.</summary>
    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
