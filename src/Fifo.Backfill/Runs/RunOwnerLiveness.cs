using Fifo.Core.Hosting;

namespace Fifo.Backfill.Runs;

/// <summary>
/// Tells whether the process that last wrote a run as Running still executes it; when it does not (killed, crashed,
/// stopped without pausing) the run is shown as <see cref="Fifo.Core.Backfill.RunState.Interrupted"/> and can be resumed.
/// In this process: the segment must be registered as executing. Another process of this process table (same boot,
/// same pid namespace): it must still exist with the same start. Anything else (another machine or container sharing
/// the database): its heartbeat must be recent.
/// </summary>
public sealed class RunOwnerLiveness(TimeProvider time)
{
    /// <summary>A run row is rewritten this often while the run executes.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>A remote owner whose heartbeat is older than this is taken for dead.</summary>
    public static readonly TimeSpan RemoteStaleAfter = 6 * HeartbeatInterval;

    // Process-wide on purpose: two orchestrators in one process (tests, a CLI command inside the web host) must
    // see each other's runs as alive.
    private static readonly InProcessMarks ExecutingSegments = new();

    /// <summary>Marks the segment as executing until the returned handle is disposed.</summary>
    public static IDisposable Register(RunOwner owner) => ExecutingSegments.Mark(owner.Segment);

    public bool IsAlive(string? ownerText, DateTimeOffset heartbeatAt)
    {
        var owner = RunOwner.TryParse(ownerText);
        if (owner is null)
            return false;
        if (owner.IsThisProcess)
            return ExecutingSegments.IsMarked(owner.Segment);
        return owner.Process.IsRunning() ?? time.GetUtcNow() - heartbeatAt < RemoteStaleAfter;
    }
}
