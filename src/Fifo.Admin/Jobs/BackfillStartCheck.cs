using Fifo.Core.Backfill;

namespace Fifo.Admin.Jobs;

/// <summary>
/// Whether a backfill may start now, for the pages' <see cref="BackfillLauncher"/> and the incremental schedule
/// alike: not while a run is active, and not while the newest run is paused or interrupted unless this resumes it
/// (a newer run would bury it: the console offers Resume for the newest run only).
/// </summary>
public sealed class BackfillStartCheck(IBackfillController controller)
{
    /// <summary>Why a start (or, with <paramref name="resumeRunId"/>, a resume) is refused now; null when it may go.</summary>
    public async Task<string?> WhyNotAsync(string? resumeRunId, CancellationToken cancellationToken)
    {
        // The run executing here is fresher than its record; otherwise the newest record decides, because Current
        // forgets a paused run when the app restarts and never knows a run of another process.
        var run = controller.Current is { } current && RunStates.IsActive(current.State)
            ? current
            : (await controller.ListRunsAsync(1, cancellationToken)).FirstOrDefault();
        if (run is null)
            return null;
        var state = run.State.ToString().ToLowerInvariant();
        if (RunStates.IsActive(run.State))
            return $"Run {run.RunId} is {state}: only one backfill runs at a time.";
        if (RunStates.IsResumable(run.State) && resumeRunId is null)
            return $"Run {run.RunId} is {state}: resume or cancel it before starting another backfill.";
        return null;
    }
}
