using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Import;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Schema;

/// <summary>Health and inventory of the configured database: engine version, schema version, each table's row count.</summary>
public sealed class DatabaseInfoReader(ClickHouseConnectionFactory connections, SchemaMigrator migrator, IOptions<TableNames> tables)
{
    private const string TablesSql = """
        SELECT name, engine, total_rows, total_bytes
        FROM system.tables
        WHERE database = {database:String} AND has({names:Array(String)}, name)
        """;

    // When the table was created: its metadata file's time, which chDB's default (Overlay) database does not keep, so
    // else its oldest part's; NULL for an empty table there.
    private const string LeftoverImportTablesSql = """
        SELECT t.name AS name,
               if(t.metadata_modification_time > toDateTime(0), toTimeZone(t.metadata_modification_time, 'UTC'), p.first_part) AS created_at,
               t.total_rows AS rows
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

    public async Task<DatabaseInfo> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var version = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT version()", cancellationToken: cancellationToken));
        var configured = tables.Value.All().ToList();
        var found = (await connection.QueryAsync<SystemTableRow>(new CommandDefinition(
                TablesSql,
                QueryParameters.From(new { database = connections.Database, names = configured.Select(t => t.Name).ToArray() }),
                cancellationToken: cancellationToken)))
            .ToDictionary(row => row.Name, StringComparer.Ordinal);
        var applied = await migrator.ReadAppliedAsync(cancellationToken);
        // An import running right now shows here too; it drops its tables when it ends.
        var leftovers = (await connection.QueryAsync<LeftoverImportTable>(new CommandDefinition(
                LeftoverImportTablesSql,
                QueryParameters.From(new { database = connections.Database, prefix = ImportCommit.TablePrefix }),
                cancellationToken: cancellationToken)))
            .ToList();

        var tableInfos = configured
            .Select(t => found.TryGetValue(t.Name, out var row)
                ? new TableInfo(t.Key, t.Name, true, row.Engine, row.TotalRows, row.TotalBytes)
                : new TableInfo(t.Key, t.Name, false, "", null, null))
            .ToList();
        var latest = SchemaMigrator.Migrations.Count == 0 ? 0 : SchemaMigrator.Migrations[^1].Version;
        var current = applied.Count == 0 ? 0 : (int)applied.Max(a => a.Version);
        return new DatabaseInfo(connections.EndpointDescription, version ?? "", connections.Database, current, latest, applied, tableInfos, leftovers);
    }

    private sealed record SystemTableRow(string Name, string Engine, ulong? TotalRows, ulong? TotalBytes);
}
