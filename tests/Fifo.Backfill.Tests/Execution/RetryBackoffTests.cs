using Fifo.Backfill.Execution;
using Xunit;

namespace Fifo.Backfill.Tests.Execution;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    public void Delays_double_per_attempt_with_jitter_between_half_and_all(int failedAttempts, double random, double expectedMs)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), () => random);
        Assert.Equal(expectedMs, backoff.DelayAfter(failedAttempts).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Delays_are_capped()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), () => 1.0);
        Assert.Equal(RetryBackoff.MaxDelay, backoff.DelayAfter(40));
    }
}
