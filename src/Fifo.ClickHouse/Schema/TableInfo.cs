namespace Fifo.ClickHouse.Schema;

/// <summary>
/// One configured table or view: <paramref name="Key"/> is its TableNames property. <paramref name="Rows"/> is the
/// engine's cheap row count (unmerged duplicates included); null for views and missing tables.
/// </summary>
public sealed record TableInfo(string Key, string Name, bool Exists, string Engine, ulong? Rows, ulong? Bytes);
