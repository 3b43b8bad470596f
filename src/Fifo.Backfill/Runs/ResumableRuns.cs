using System.Globalization;
using Fifo.Core.Backfill;

namespace Fifo.Backfill.Runs;

/// <summary>
/// Runs stopped part-way (paused, or interrupted when the process executing them died) and what they mean for
/// starting another run. Such a run still has batches to do over its wallets: a new run over any of them would leave
/// it half done behind a newer run, where it is easily forgotten. So the orchestrator refuses a new run, of either mode,
/// over a stopped run's wallets until that run is resumed or cancelled (the CLI by id, the console from the run's
/// page), or until later runs have covered all of its wallets; the console words its own refusal the same way. An incremental run is no exception: a full run is
/// what picks up changes an incremental one cannot see (mutations, changed lot rules), so an incremental run
/// completing over a paused full run would make the range look current while the full run's remaining wallets are not.
/// </summary>
public static class ResumableRuns
{
    public static bool IsResumable(RunState state) => state is RunState.Paused or RunState.Interrupted;

    /// <summary>Why a new run may not start while <paramref name="run"/> is stopped part-way, and what to do instead.</summary>
    public static string Refusal(BackfillRun run) => string.Create(CultureInfo.InvariantCulture,
        $"Run {run.RunId} (wallets {run.WalletRange ?? WalletRange.All.ToString()}, {run.Progress.BatchesDone} of {run.Progress.BatchesTotal} batches done) "
        + $"is {run.State.ToString().ToLowerInvariant()}: resume or cancel it before starting another backfill over its wallets "
        + $"(fifo backfill --resume {run.RunId}, or --cancel {run.RunId}).");
}
