using Fifo.Core.Backfill;

namespace Fifo.Backfill.Runs;

/// <summary>
/// The states a run is recorded in while some process executes it, or did until it died: such a run is live if its
/// owner is, and interrupted otherwise.
/// </summary>
internal static class ExecutingRunStates
{
    public static readonly RunState[] All = [RunState.Running, RunState.Pausing, RunState.Cancelling];

    public static bool Includes(RunState state) => Array.IndexOf(All, state) >= 0;
}
