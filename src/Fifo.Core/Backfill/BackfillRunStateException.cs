namespace Fifo.Core.Backfill;

/// <summary>
/// The run is not in a state that allows what was asked: resuming a completed or cancelled run, retrying the failed
/// batches of a run that is paused, or there is no run yet. The message says what to do instead.
/// </summary>
public sealed class BackfillRunStateException(string message) : InvalidOperationException(message);
