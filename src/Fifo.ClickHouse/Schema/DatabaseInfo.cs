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
/// A staging table or table copy an import made that still exists: one an import is using, or one left by an import
/// that did not finish (the process was killed). Neither is ever part of the target, so dropping one that no import uses
/// loses nothing. <see cref="CreatedAt"/> (UTC) is unknown for an empty table in chDB's default database.
/// <see cref="Owner"/> is the process that made it (null for a table made before imports recorded it).
/// </summary>
/// <param name="InUse">True when an import may still be using it (this process's import uses it, or its process of
/// this process table still runs), false when none is, null when that cannot be told from here (the process is on
/// another machine or in another container).</param>
public sealed record LeftoverImportTable(string Name, DateTime? CreatedAt, ulong? Rows, ProcessIdentity? Owner, bool? InUse)
{
    /// <summary>No import uses it: the next import drops it.</summary>
    public bool IsOrphaned => InUse == false;

    /// <summary>The statement that removes it, data included.</summary>
    public string DropStatement => Import.ImportTables.DropStatement(Name);

    /// <summary>Whose it is and what to do about it, in a sentence for <c>fifo info</c> and the settings page.</summary>
    public string Situation => (Owner, InUse) switch
    {
        (not null, true) => $"in use by a running import (process {Owner.ProcessId} on {Owner.Host})",
        (not null, false) => $"left by an import of process {Owner.ProcessId} on {Owner.Host}, which no longer runs; the next import drops it",
        (not null, null) => $"made by an import on {Owner.Host} (another machine or container); unless that import still runs, drop it",
        _ => "left by an import that did not finish; unless an import is running now, drop it",
    };
}
