namespace Fifo.ClickHouse.Import;

public sealed record ImportResult(ImportTarget Target, string Table, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
