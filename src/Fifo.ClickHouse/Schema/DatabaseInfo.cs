namespace Fifo.ClickHouse.Schema;

/// <summary>What the settings page and <c>fifo info</c> show about the database in use.</summary>
public sealed record DatabaseInfo(
    string Endpoint,
    string EngineVersion,
    string Database,
    int SchemaVersion,
    int LatestSchemaVersion,
    IReadOnlyList<AppliedMigration> Migrations,
    IReadOnlyList<TableInfo> Tables,
    IReadOnlyList<LeftoverImportTable> LeftoverImportTables);

/// <summary>
/// A staging table or table copy of an import that did not finish (the process was killed): it was never part of the
/// target, so dropping it loses nothing. <see cref="CreatedAt"/> (UTC) is unknown for an empty table in chDB's default
/// database.
/// </summary>
public sealed record LeftoverImportTable(string Name, DateTime? CreatedAt, ulong? Rows)
{
    /// <summary>The statement that removes it, data included.</summary>
    public string DropStatement => Import.ImportCommit.DropStatement(Name);
}
