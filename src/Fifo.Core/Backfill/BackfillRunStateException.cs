namespace Fifo.Core.Backfill;

/// <summary>
/// The run is not in a state that allows what was asked: resuming a completed or cancelled run, retrying the failed
/// batches of a run that is paused, starting a new run over the wallets of a paused or interrupted one, or there is
/// no run yet. The message says what to do instead.
/// </summary>
public sealed class BackfillRunStateException(string message) : InvalidOperationException(message);
