using Fifo.Core.Hosting;

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
/// A staging table or table copy of an import: one in progress, or one that did not finish (the process was killed). It
/// was never part of the target, so dropping it loses nothing. <see cref="CreatedAt"/> (UTC) is unknown for an empty
/// table in chDB's default database. <see cref="Owner"/> is the process that made it (null for a table made before
/// imports recorded it); <see cref="OwnerRunning"/> is null when that process is on another host.
/// </summary>
public sealed record LeftoverImportTable(string Name, DateTime? CreatedAt, ulong? Rows, ProcessIdentity? Owner, bool? OwnerRunning)
{
    /// <summary>Its import's process is gone: the next import drops it.</summary>
    public bool IsOrphaned => OwnerRunning == false;

    /// <summary>The statement that removes it, data included.</summary>
    public string DropStatement => Import.ImportCommit.DropStatement(Name);

    /// <summary>Whose it is and what to do about it, in a sentence for <c>fifo info</c> and the settings page.</summary>
    public string Situation => (Owner, OwnerRunning) switch
    {
        (not null, true) => $"in use by a running import (process {Owner})",
        (not null, false) => $"left by an import whose process {Owner} is gone; the next import drops it",
        (not null, null) => $"made by an import on host {Owner.Host}; unless that import still runs, drop it",
        _ => "left by an import that did not finish; unless an import is running now, drop it",
    };
}
