using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Live;

public sealed class ThroughputHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Overlapping_batches_add_up_spread_over_their_own_durations()
    {
        // A: 0–2 s, 2,000 fills, 20 wallets. B: 1–3 s, 4,000 fills, 10 wallets.
        var points = ThroughputHistory.FromBatches([Batch(1, 0, 2, 2_000, 20), Batch(2, 1, 3, 4_000, 10)], points: 3);

        Assert.Equal([1.0, 2.0, 3.0], points.Select(p => p.Elapsed.TotalSeconds));
        Assert.Equal([1_000.0, 3_000.0, 2_000.0], points.Select(p => p.FillsPerSecond));
        Assert.Equal([600.0, 900.0, 300.0], points.Select(p => p.WalletsPerMinute));
    }

    [Fact]
    public void A_gap_between_batches_is_zero_and_the_total_is_kept()
    {
        var batches = new[] { Batch(1, 0, 1, 500, 5), Batch(2, 3, 4, 1_500, 5) };

        var points = ThroughputHistory.FromBatches(batches, points: 8);

        Assert.Equal(8, points.Count);
        Assert.Equal(0, points[3].FillsPerSecond);
        Assert.Equal(2_000, points.Sum(p => p.FillsPerSecond * 0.5), precision: 6);
    }

    [Fact]
    public void Unfinished_and_failed_batches_are_left_out()
    {
        var running = Batch(1, 0, 1, 100, 1) with { State = BatchState.Running, FinishedAt = null, Duration = null };
        var failed = Batch(2, 0, 1, 100, 1) with { State = BatchState.Failed };

        Assert.Empty(ThroughputHistory.FromBatches([running, failed]));
    }

    private static BackfillBatch Batch(int no, double fromSeconds, double toSeconds, long fills, long wallets) =>
        new("run", no, "0x1", "0x2", wallets, fills, BatchState.Succeeded, Attempts: 1, RowsWritten: fills / 2,
            TimeSpan.FromSeconds(toSeconds - fromSeconds), Start.AddSeconds(toSeconds), Error: null);
}
