using Fifo.Admin.Jobs;
using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Components.Pages.Backfill;

/// <summary>Which run buttons make sense now, with the reason a disabled one is disabled.</summary>
public sealed record RunActions(bool CanStart, bool CanPause, bool CanResume, bool CanCancel, bool CanRetryFailed, string? StartBlockedBy)
{
    /// <param name="current">The engine's current run (active, paused or interrupted), if any.</param>
    /// <param name="latest">The most recent run of any state, for "retry failed".</param>
    /// <param name="launching">A backfill job is queued or running (between a click and the run's first event).</param>
    /// <param name="elsewhere">A run another process (the CLI) executes: nothing can start, and this app cannot pause or cancel it.</param>
    public static RunActions For(BackfillRun? current, BackfillRun? latest, bool launching, BackfillRun? elsewhere = null)
    {
        if (elsewhere is not null)
        {
            return new RunActions(false, false, false, false, false,
                $"Run {elsewhere.RunId} is {elsewhere.State.ToString().ToLowerInvariant()} in another process (e.g. the fifo CLI): wait for it to end.");
        }

        var state = current?.State;
        var active = state is { } s && RunStates.IsActive(s);
        var resumable = state is { } r && ResumableRuns.IsResumable(r);
        var idle = !launching && !active && !resumable;

        string? blockedBy = null;
        if (active)
            blockedBy = $"Run {current!.RunId} is {state.ToString()!.ToLowerInvariant()}.";
        else if (resumable)
            blockedBy = $"Run {current!.RunId} is {state.ToString()!.ToLowerInvariant()}: resume or cancel it first.";
        else if (launching)
            blockedBy = "A backfill is starting.";

        return new RunActions(
            CanStart: idle,
            CanPause: state == RunState.Running,
            CanResume: !launching && resumable,
            CanCancel: state is RunState.Pending or RunState.Running or RunState.Pausing || resumable,
            // The engine retries the failed batches of a Failed run only (a cancelled one is over for good).
            CanRetryFailed: idle && latest is { State: RunState.Failed, Progress.BatchesFailed: > 0 },
            StartBlockedBy: blockedBy);
    }
}
