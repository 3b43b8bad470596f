using Fifo.Backfill.Progress;
using Fifo.Core.Backfill;

namespace Fifo.Backfill.Runs;

/// <summary>A run as read back: its newest record and its batch totals.</summary>
internal sealed record StoredRun(RunRecord Record, RunTotals Totals)
{
    /// <summary>
    /// The run for the API: a run still marked Running (or Pausing/Cancelling) whose owner is gone shows as
    /// Interrupted; rates are over its active time.
    /// </summary>
    public BackfillRun ToContract(RunOwnerLiveness liveness)
    {
        var state = Record.State;
        if (ExecutingRunStates.Includes(state) && !liveness.IsAlive(Record.Owner, Record.HeartbeatAt))
            state = RunState.Interrupted;
        var progress = ProgressMath.Snapshot(Totals, Record.Active, estimate: state == RunState.Running);
        return new BackfillRun(Record.RunId, Record.Mode, state, Record.StartedAt, Record.FinishedAt, Record.Workers,
            Record.BatchFills, Record.Wallets.ToString(), Record.Settings, progress, Record.Error);
    }
}
