namespace Fifo.Backfill.Runs;

/// <summary>
/// Strictly increasing microsecond stamps (µs since the Unix epoch): revisions of bookkeeping rows and versions
/// of lots. Two stamps from this clock never collide, even when asked for in the same microsecond, and a stamp
/// never goes below one observed from storage, so a clock that stepped back cannot make an older row win.
/// </summary>
public sealed class RevisionClock(TimeProvider time)
{
    private long last;

    public ulong Next()
    {
        var now = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        while (true)
        {
            var previous = Interlocked.Read(ref last);
            var next = Math.Max(now, previous + 1);
            if (Interlocked.CompareExchange(ref last, next, previous) == previous)
                return (ulong)next;
        }
    }

    /// <summary>Makes every later stamp larger than <paramref name="stamp"/>.</summary>
    public void Observe(ulong stamp)
    {
        var value = (long)Math.Min(stamp, long.MaxValue);
        while (true)
        {
            var previous = Interlocked.Read(ref last);
            if (value <= previous || Interlocked.CompareExchange(ref last, value, previous) == previous)
                return;
        }
    }
}
