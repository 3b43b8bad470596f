namespace Fifo.Backfill.Execution;

/// <summary>
/// Exponential backoff with jitter: attempt n waits between half and all of <c>base · 2^(n-1)</c> (capped), so
/// that workers hit by the same outage do not all come back at the same moment.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, Func<double>? random = null)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);

    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    /// <param name="failedAttempts">Attempts that failed so far (1 after the first failure).</param>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random());
    }
}
