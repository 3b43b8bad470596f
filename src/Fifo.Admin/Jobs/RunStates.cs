using Fifo.Core.Backfill;

namespace Fifo.Admin.Jobs;

/// <summary>Groups of run states the UI and the launcher reason about (stopped part-way: <see cref="Fifo.Backfill.Runs.ResumableRuns"/>).</summary>
public static class RunStates
{
    /// <summary>Working or about to stop: no other run may start.</summary>
    public static bool IsActive(RunState state) => state is RunState.Pending or RunState.Running or RunState.Pausing or RunState.Cancelling;
}
