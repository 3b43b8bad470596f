namespace Fifo.Backfill.Runs;

/// <summary>
/// How far the source tables reached when a run was planned; the next incremental run starts from them (see
/// Sql/Backfill/high_water_marks.sql): per partition, the highest block number of each table's active parts, as
/// JSON. Rows inserted later lie in parts above it. Empty when the table has no parts of its own to mark (not a
/// MergeTree table).
/// </summary>
internal sealed record HighWaterMarks(string FillsParts, string ResolutionsParts)
{
    /// <summary>Whether both tables could be marked, so that their new rows can be told apart.</summary>
    public bool CanTellNewRows => FillsParts.Length > 0 && ResolutionsParts.Length > 0;
}
