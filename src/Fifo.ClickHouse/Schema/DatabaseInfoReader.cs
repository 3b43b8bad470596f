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
        var leftovers = await ImportTables.ListAsync(connection, connections.Database, cancellationToken);

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
