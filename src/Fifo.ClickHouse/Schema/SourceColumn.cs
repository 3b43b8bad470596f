namespace Fifo.ClickHouse.Schema;

/// <summary>A column of a source table as the spec defines it. <paramref name="Type"/> is what a fresh table gets.</summary>
public sealed record SourceColumn(string Name, string Type);
