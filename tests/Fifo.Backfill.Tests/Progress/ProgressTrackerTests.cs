using Fifo.Backfill.Progress;
using Fifo.Backfill.Runs;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Fifo.Backfill.Tests.Progress;

public sealed class ProgressTrackerTests
{
    [Fact]
    public void Once_every_batch_has_finished_the_eta_is_zero_even_when_some_failed()
    {
        var time = new FakeTimeProvider();
        var tracker = new ProgressTracker(new RunTotals(3, 0, 0, 30, 0, 3_000, 0, 0, 0, 0), TimeSpan.Zero, time);

        time.Advance(TimeSpan.FromSeconds(10));
        tracker.BatchSucceeded(wallets: 10, fills: 1_000, rowsWritten: 50);
        var oneDone = tracker.Snapshot(running: true);
        tracker.BatchFailed(fills: 1_000);
        var oneFailed = tracker.Snapshot(running: true);
        time.Advance(TimeSpan.FromSeconds(10));
        tracker.BatchSucceeded(wallets: 10, fills: 1_000, rowsWritten: 50);
        var allFinished = tracker.Snapshot(running: true);

        Assert.Equal(TimeSpan.FromSeconds(20), oneDone.Eta);       // 2,000 fills left at 100 fills/s
        Assert.Equal(TimeSpan.FromSeconds(10), oneFailed.Eta);     // the failed batch's 1,000 are not left to do
        Assert.Equal(TimeSpan.Zero, allFinished.Eta);
        Assert.Equal((2, 1, 2_000L), (allFinished.BatchesDone, allFinished.BatchesFailed, allFinished.FillsDone));
    }

    [Fact]
    public void A_retry_counts_as_it_happens()
    {
        var tracker = new ProgressTracker(new RunTotals(1, 0, 0, 10, 0, 1_000, 0, 0, 0, 2), TimeSpan.Zero, new FakeTimeProvider());

        tracker.BatchRetried();

        Assert.Equal(3, tracker.Snapshot(running: true).Retries);
    }
}
