namespace Fifo.ClickHouse.Schema;

/// <summary>What the settings page and <c>fifo info</c> show about the database in use.</summary>
public sealed record DatabaseInfo(
    string Endpoint,
    string EngineVersion,
    string Database,
    int SchemaVersion,
    int LatestSchemaVersion,
    IReadOnlyList<AppliedMigration> Migrations,
    IReadOnlyList<TableInfo> Tables);
