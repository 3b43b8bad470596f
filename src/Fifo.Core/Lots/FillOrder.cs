using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>
/// The spec's order of a position's fills: (event_time, fill_id). fill_id compares ordinally, as ClickHouse compares
/// String bytes; fill_ids are ASCII, where the two orders coincide.
/// </summary>
public sealed class FillOrder : IComparer<Fill>
{
    public static readonly FillOrder Instance = new();

    private FillOrder()
    {
    }

    public int Compare(Fill? x, Fill? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byTime = x.EventTime.CompareTo(y.EventTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.FillId, y.FillId);
    }
}
