namespace Fifo.Backfill.Execution;

/// <summary>Why an execution segment stops early; a later, stronger reason overrides an earlier one.</summary>
internal enum StopReason
{
    None = 0,

    /// <summary>The operator paused (or the host shuts down): resumable.</summary>
    Pause = 1,

    /// <summary>The operator cancelled: the run ends for good.</summary>
    Cancel = 2,

    /// <summary>Bookkeeping failed: the run is recorded as interrupted, resumable once the database is back.</summary>
    Abort = 3,
}
