using Fifo.Core.Backfill;

namespace Fifo.Admin.Live;

/// <summary>
/// A run's throughput rebuilt from its stored batches, for the runs the live feed did not sample: those that ran
/// before the console started, or from the CLI. Each finished batch counts its fills and wallets as spread evenly
/// over its own duration, so the curve is exact at batch granularity and smooth within a batch.
/// </summary>
public static class ThroughputHistory
{
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(50);

    /// <param name="batches">The run's batches; only succeeded ones with a finish time and a duration count.</param>
    /// <param name="points">How many intervals the run's span is cut into.</param>
    public static IReadOnlyList<ThroughputPoint> FromBatches(IEnumerable<BackfillBatch> batches, int points = 120)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);

        var spans = batches
            .Where(b => b is { State: BatchState.Succeeded, FinishedAt: not null, Duration.Ticks: > 0 })
            .Select(b => (Start: b.FinishedAt!.Value - b.Duration!.Value, End: b.FinishedAt.Value, b.Fills, b.Wallets))
            .ToList();
        if (spans.Count == 0)
            return [];

        var first = spans.Min(s => s.Start);
        var length = spans.Max(s => s.End) - first;
        var interval = TimeSpan.FromTicks(Math.Max(ShortestInterval.Ticks, length.Ticks / points));
        var count = (int)Math.Ceiling(length / interval);
        var fills = new double[count];
        var wallets = new double[count];
        foreach (var span in spans)
        {
            var duration = (span.End - span.Start).TotalSeconds;
            for (var i = (int)((span.Start - first) / interval); i < count && first + i * interval < span.End; i++)
            {
                var from = first + i * interval;
                var overlap = (Min(span.End, from + interval) - Max(span.Start, from)).TotalSeconds;
                fills[i] += span.Fills * overlap / duration;
                wallets[i] += span.Wallets * overlap / duration;
            }
        }
        return Enumerable.Range(0, count)
            .Select(i => new ThroughputPoint((i + 1) * interval, fills[i] / interval.TotalSeconds, wallets[i] * 60 / interval.TotalSeconds))
            .ToList();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
