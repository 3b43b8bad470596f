using ClickHouse.Driver;
using ClickHouseConnection = ClickHouse.Driver.ADO.ClickHouseConnection;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace Fifo.ClickHouse.Import;

/// <summary>
/// The tables imports make (staging tables and table copies, named <see cref="TablePrefix"/>…). Each
/// records the process that made it in its comment, and this process keeps the names of those it still uses, so that a
/// table a killed import left behind can be told from one an import is using: the next import drops the tables whose
/// process is gone (or, if that is this process, that it no longer uses), and <c>fifo info</c> and the settings page
/// list the rest.
/// </summary>
public static partial class ImportTables
{
    /// <summary>Every table an import makes starts with this.</summary>
    public const string TablePrefix = "fifo_import_";

    private const string CommentPrefix = "fifo import by ";

    // Tables this process's imports are using now; process-wide, as several imports may run in one process.
    private static readonly InProcessMarks TablesInUse = new();

    // When the table was created: its metadata file's time, which chDB's default (Overlay) database does not keep, so
    // else its oldest part's; NULL for an empty table there.
    private const string ListSql = """
        SELECT t.name AS Name,
               if(t.metadata_modification_time > toDateTime(0), toTimeZone(t.metadata_modification_time, 'UTC'), p.first_part) AS CreatedAt,
               t.total_rows AS Rows,
               t.comment AS Comment
        FROM system.tables AS t
        LEFT JOIN
        (
            SELECT table, toTimeZone(min(modification_time), 'UTC') AS first_part
            FROM system.parts
            WHERE database = {database:String} AND startsWith(table, {prefix:String})
            GROUP BY table
        ) AS p ON p.table = t.name
        WHERE t.database = {database:String} AND startsWith(t.name, {prefix:String})
        ORDER BY t.name
        SETTINGS join_use_nulls = 1
        """;

    /// <summary>
    /// Creates an import table, <c>CREATE TABLE {name} {definition}</c> with this process named in its comment, and
    /// marks it in use until the returned handle is disposed (after the table is dropped).
    /// </summary>
    public static async Task<IDisposable> CreateAsync(
        ClickHouseConnection connection, string name, string definition, CancellationToken cancellationToken)
    {
        // Marked before it exists: another import of this process must never see it unmarked.
        var inUse = TablesInUse.Mark(name);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TABLE {name} {definition} {OwnerCommentClause()}", cancellationToken: cancellationToken));
            return inUse;
        }
        catch
        {
            inUse.Dispose();
            throw;
        }
    }

    private static string OwnerCommentClause() =>
        $"COMMENT '{(CommentPrefix + ProcessIdentity.Current).Replace(@"\", @"\\").Replace("'", @"\'")}'";

    /// <summary>The process a table comment names as the table's maker; null for any other comment.</summary>
    private static ProcessIdentity? OwnerFrom(string? comment) =>
        comment is not null && comment.StartsWith(CommentPrefix, StringComparison.Ordinal)
            ? ProcessIdentity.TryParse(comment[CommentPrefix.Length..])
            : null;

    /// <summary>Every import table in the database, with whether its process still runs.</summary>
    public static async Task<IReadOnlyList<LeftoverImportTable>> ListAsync(
        ClickHouseConnection connection, string database, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<TableRow>(new CommandDefinition(ListSql,
            QueryParameters.From(new { database, prefix = TablePrefix }), cancellationToken: cancellationToken));
        return rows.Select(row => OwnerFrom(row.Comment) is { } owner
                ? new LeftoverImportTable(row.Name, row.CreatedAt, row.Rows, owner, IsInUse(row.Name, owner))
                : new LeftoverImportTable(row.Name, row.CreatedAt, row.Rows, Owner: null, InUse: null))
            .ToList();
    }

    /// <summary>
    /// Drops the import tables no import uses any more (see <see cref="LeftoverImportTable.InUse"/>) and returns their
    /// names. Tables of a running import, of a process that cannot be looked up from here (another machine or
    /// container) or without a recorded maker are kept. A table that cannot be dropped is logged and left: it must not
    /// stop the import that found it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropOrphansAsync(
        ClickHouseConnection connection, string database, ILogger logger, CancellationToken cancellationToken)
    {
        var dropped = new List<string>();
        foreach (var table in (await ListAsync(connection, database, cancellationToken)).Where(t => t.IsOrphaned))
        {
            if (!await DropQuietlyAsync(connection, table.Name, logger, cancellationToken))
                continue;
            LogDroppedOrphan(logger, table.Name, table.Owner!.ToString(), table.Rows ?? 0);
            dropped.Add(table.Name);
        }
        return dropped;
    }

    /// <summary>
    /// Drops an import table without throwing (true when it is gone): a failed drop must neither replace the error that
    /// ended an import nor stop the import that found a leftover. SYNC, because an Atomic database (chDB's default one
    /// too) otherwise keeps a dropped table's data for 8 minutes, longer than a CLI's embedded engine lives, so the space
    /// would not come back.
    /// </summary>
    public static async Task<bool> DropQuietlyAsync(
        ClickHouseConnection connection, string table, ILogger logger, CancellationToken cancellationToken = default)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(DropStatement(table), cancellationToken: cancellationToken));
            return true;
        }
        catch (Exception e) when ((e is ClickHouseServerException or HttpRequestException or IOException or TaskCanceledException)
                                  && !cancellationToken.IsCancellationRequested)
        {
            LogDropFailed(logger, e, table);
            return false;
        }
    }

    /// <summary>How an import table is dropped, by the import itself and by an operator cleaning up after a killed one.</summary>
    public static string DropStatement(string table) => $"DROP TABLE IF EXISTS {table} SYNC";

    /// <summary>True: an import may be using it; false: none is; null: cannot tell from here.</summary>
    private static bool? IsInUse(string table, ProcessIdentity owner) =>
        owner == ProcessIdentity.Current ? TablesInUse.IsMarked(table) : owner.IsRunning();

    // A warning: it reports an import that was killed, which the operator may not know about.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dropped {Table}, left by an import of process {Owner} that no longer runs ({Rows} rows, never part of the target)")]
    private static partial void LogDroppedOrphan(ILogger logger, string table, string owner, ulong rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drop the import table {Table}; drop it by hand")]
    private static partial void LogDropFailed(ILogger logger, Exception exception, string table);

    private sealed record TableRow(string Name, DateTime? CreatedAt, ulong? Rows, string Comment);
}
