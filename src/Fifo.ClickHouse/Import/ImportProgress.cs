namespace Fifo.ClickHouse.Import;

/// <summary>Progress of one import; <see cref="TotalBytes"/> is null when the stream's length is unknown.</summary>
public sealed record ImportProgress(ImportPhase Phase, long Rows, long BytesRead, long? TotalBytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
