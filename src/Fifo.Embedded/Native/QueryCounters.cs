namespace Fifo.Embedded.Native;

/// <summary>The counters ClickHouse reports in X-ClickHouse-Summary, as chDB measures them.</summary>
internal readonly record struct QueryCounters(
    ulong RowsRead,
    ulong BytesRead,
    ulong RowsWritten,
    ulong BytesWritten,
    ulong ResultRows,
    ulong ResultBytes,
    TimeSpan Elapsed)
{
    public static QueryCounters operator +(QueryCounters a, QueryCounters b) => new(
        a.RowsRead + b.RowsRead,
        a.BytesRead + b.BytesRead,
        a.RowsWritten + b.RowsWritten,
        a.BytesWritten + b.BytesWritten,
        a.ResultRows + b.ResultRows,
        a.ResultBytes + b.ResultBytes,
        a.Elapsed + b.Elapsed);
}
