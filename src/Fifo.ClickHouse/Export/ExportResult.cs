namespace Fifo.ClickHouse.Export;

public sealed record ExportResult(string Source, IReadOnlyList<string> Columns, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
