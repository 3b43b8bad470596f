namespace Fifo.Backfill.Runs;

/// <summary>
/// How far the source tables reached when a run was planned; the next incremental run over the same wallet range
/// starts from them. Null: the table was empty, so everything found later is new.
/// </summary>
/// <param name="FillsVersion">max(_version) of the fills.</param>
/// <param name="FillsBlock">max(block_number) of the fills.</param>
/// <param name="FillsRows">Rows of the fills in the run's wallet range.</param>
/// <param name="Resolutions">max(insert_time) of the resolutions (whole seconds, UTC).</param>
/// <param name="ResolutionsRows">Resolution rows stamped with that second.</param>
internal sealed record HighWaterMarks(ulong? FillsVersion, ulong? FillsBlock, ulong? FillsRows, DateTime? Resolutions,
    ulong? ResolutionsRows);
