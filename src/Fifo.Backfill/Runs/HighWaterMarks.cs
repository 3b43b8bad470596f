namespace Fifo.Backfill.Runs;

/// <summary>
/// How far the source tables reached when a run was planned; the next incremental run starts from them (see
/// Sql/Backfill/high_water_marks.sql).
/// </summary>
/// <param name="FillsParts">Per partition the highest block number of the fills table's active parts, as JSON: rows
/// inserted later lie in parts above it. Empty when the fills table has no parts to mark (not a MergeTree table).</param>
/// <param name="Resolutions">max(insert_time) of the resolutions (whole seconds, UTC); null when there were none.</param>
/// <param name="ResolutionsRows">Resolution rows stamped with that second.</param>
internal sealed record HighWaterMarks(string FillsParts, DateTime? Resolutions, ulong? ResolutionsRows);
