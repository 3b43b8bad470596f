using System.Diagnostics;

namespace Fifo.Testing;

/// <summary>Waiting in a test for something another thread, process or the engine brings about.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Checks <paramref name="condition"/> every 20 ms until it holds. When it still does not after
    /// <paramref name="timeout"/>, a <see cref="TimeoutException"/> names <paramref name="awaited"/> (e.g. "the insert to
    /// show in system.processes"). An exception from the condition ends the wait with it: the way to give up on what can
    /// no longer come (the process that would bring it about has exited).
    /// </summary>
    public static async Task UntilAsync(string awaited, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.###} s for {awaited}, in vain.");
            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="UntilAsync(string, TimeSpan, Func{Task{bool}})"/>
    public static Task UntilAsync(string awaited, TimeSpan timeout, Func<bool> condition) =>
        UntilAsync(awaited, timeout, () => Task.FromResult(condition()));
}
