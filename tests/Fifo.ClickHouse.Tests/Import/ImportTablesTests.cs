using System.Diagnostics;
using Dapper;
using Fifo.ClickHouse.Import;
using Fifo.Core.Hosting;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Fifo.ClickHouse.Tests.Import;

public sealed class ImportTablesTests(ClickHouseTestDatabase db) : ImportTestBase(db), IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_table_made_with_the_owner_comment_names_this_running_process()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $"CREATE TABLE fifo_import_staging_mine (a String) ENGINE = MergeTree ORDER BY tuple() {ImportTables.OwnerCommentClause()}");
        try
        {
            var table = Assert.Single(await ImportTables.ListAsync(connection, Db.Database, CancellationToken.None));

            Assert.Equal(ProcessIdentity.Current, table.Owner);
            Assert.True(table.OwnerRunning);
            Assert.False(table.IsOrphaned);
            Assert.Equal($"in use by a running import (process {ProcessIdentity.Current})", table.Situation);
        }
        finally
        {
            await connection.ExecuteAsync("DROP TABLE fifo_import_staging_mine SYNC");
        }
    }

    [Fact]
    public async Task An_import_drops_the_tables_of_killed_imports_and_keeps_those_it_cannot_tell_are_abandoned()
    {
        var killed = await KilledProcessAsync();
        await using var connection = await Db.OpenConnectionAsync();
        await CreateAsync(connection, "fifo_import_staging_killed", $"fifo import by {killed}");
        await CreateAsync(connection, "fifo_import_commit_killed", $"fifo import by {killed}");
        await CreateAsync(connection, "fifo_import_staging_running", $"fifo import by {ProcessIdentity.Current}");
        await CreateAsync(connection, "fifo_import_staging_remote", "fifo import by some-other-host/4242/1700000000000");
        await CreateAsync(connection, "fifo_import_staging_unknown", comment: null);
        try
        {
            var before = (await ImportTables.ListAsync(connection, Db.Database, CancellationToken.None)).ToDictionary(t => t.Name);
            Assert.True(before["fifo_import_staging_killed"].IsOrphaned);
            Assert.Equal(killed, before["fifo_import_staging_killed"].Owner);
            Assert.Equal($"left by an import whose process {killed} is gone; the next import drops it",
                before["fifo_import_staging_killed"].Situation);
            Assert.Null(before["fifo_import_staging_remote"].OwnerRunning);
            Assert.Equal("made by an import on host some-other-host; unless that import still runs, drop it",
                before["fifo_import_staging_remote"].Situation);
            Assert.Null(before["fifo_import_staging_unknown"].Owner);

            var result = await Importer.ImportFileAsync(ImportTarget.Fills, WriteCsv(FillsHeader,
                $"clob_t1_o1-t,t1,{Wallet},{Condition},1,100.5,-40.2,2024-03-01 12:00:00,clob"));

            Assert.Equal(1, result.Rows);
            Assert.Equal(["fifo_import_staging_remote", "fifo_import_staging_running", "fifo_import_staging_unknown"],
                (await LeftBehindAsync()).Order());
        }
        finally
        {
            foreach (var table in await LeftBehindAsync())
                await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table} SYNC");
        }
    }

    [Fact]
    public async Task Dropping_orphans_reports_what_it_dropped()
    {
        var killed = await KilledProcessAsync();
        await using var connection = await Db.OpenConnectionAsync();
        await CreateAsync(connection, "fifo_import_staging_orphan", $"fifo import by {killed}");

        var dropped = await ImportTables.DropOrphansAsync(connection, Db.Database, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["fifo_import_staging_orphan"], dropped);
        Assert.Empty(await LeftBehindAsync());
    }

    /// <summary>The identity of a process of this host that has exited.</summary>
    private static async Task<ProcessIdentity> KilledProcessAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var identity = new ProcessIdentity(Environment.MachineName, process.Id,
            new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
        process.Kill();
        await process.WaitForExitAsync();
        return identity;
    }

    private static Task CreateAsync(global::ClickHouse.Driver.ADO.ClickHouseConnection connection, string name, string? comment) =>
        connection.ExecuteAsync(
            $"CREATE TABLE {name} (fill_id String) ENGINE = MergeTree ORDER BY tuple()" + (comment is null ? "" : $" COMMENT '{comment}'"));
}
