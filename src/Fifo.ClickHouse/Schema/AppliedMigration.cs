namespace Fifo.ClickHouse.Schema;

/// <summary>A row of the migrations table: what ran, with which text (checksum), when.</summary>
public sealed record AppliedMigration(uint Version, string Name, string Checksum, DateTime AppliedAt);
