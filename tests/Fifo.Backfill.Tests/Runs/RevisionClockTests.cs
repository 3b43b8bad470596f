using Fifo.Backfill.Runs;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Fifo.Backfill.Tests.Runs;

public sealed class RevisionClockTests
{
    [Fact]
    public void Stamps_are_microseconds_since_the_epoch_and_strictly_increase_within_one_microsecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new RevisionClock(time);

        var stamps = Enumerable.Range(0, 1000).Select(_ => clock.Next()).ToList();

        Assert.Equal(1_735_689_600_000_000UL, stamps[0]);
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public void Stamps_stay_above_an_observed_stamp_when_the_clock_is_behind()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new RevisionClock(time);
        const ulong fromAFasterMachine = 1_900_000_000_000_000UL;

        clock.Observe(fromAFasterMachine);

        Assert.True(clock.Next() > fromAFasterMachine);
    }

    [Fact]
    public void Stamps_strictly_increase_across_threads()
    {
        var clock = new RevisionClock(TimeProvider.System);
        var stamps = new System.Collections.Concurrent.ConcurrentBag<ulong>();
        Parallel.For(0, 20_000, _ => stamps.Add(clock.Next()));
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }
}
