namespace Fifo.ClickHouse.Schema;

/// <summary>Outcome of one migrator run: the migrations it applied now (empty when the schema was current).</summary>
public sealed record MigrationReport(string Database, IReadOnlyList<Migration> AppliedNow, int SchemaVersion);
