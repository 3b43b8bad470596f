namespace Fifo.Backfill.Execution;

/// <summary>What a failed batch query calls for.</summary>
public enum FailureKind
{
    /// <summary>Network trouble, a busy or restarting server: the same query may well succeed later — retry with backoff.</summary>
    Transient,

    /// <summary>The batch is too big for the limits (memory, time, result size): retry it as two halves.</summary>
    TooBig,

    /// <summary>Retrying cannot help (bad SQL, missing table, bad data): record the batch as failed.</summary>
    Permanent,
}
