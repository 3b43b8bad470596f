using Fifo.Backfill.Runs;

namespace Fifo.Backfill.Planning;

/// <summary>The high-water marks of a range now, and how many of its fill rows lie above a baseline's marks.</summary>
internal sealed record MarksReading(HighWaterMarks Marks, ulong RowsAboveBaseline);
