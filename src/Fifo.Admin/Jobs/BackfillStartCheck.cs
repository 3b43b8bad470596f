using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Jobs;

/// <summary>
/// Whether a backfill may start now, for the pages' <see cref="BackfillLauncher"/> and the incremental schedule
/// alike: not while a run is active, and not while the newest run is paused or interrupted unless this resumes it.
/// The engine refuses a new run over a stopped run's wallets itself (<see cref="ResumableRuns"/>, whose words this
/// uses); the console asks first so the page hears at once, and about the newest run whatever the new run's wallets,
/// because the home page offers Resume and Cancel for the newest run: a run started beside it would bury it there
/// (older stopped runs are resumed or cancelled from their own run page).
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
        if (RunStates.IsActive(run.State))
            return $"Run {run.RunId} is {run.State.ToString().ToLowerInvariant()}: only one backfill runs at a time.";
        if (ResumableRuns.IsResumable(run.State) && resumeRunId is null)
            return ResumableRuns.Refusal(run);
        return null;
    }
}
