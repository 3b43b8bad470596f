namespace Fifo.Core.Backfill;

/// <summary>
/// What the web app and the CLI ask of the backfill engine. One run at a time: starting a second one throws
/// <see cref="BackfillConflictException"/>.
/// </summary>
public interface IBackfillController
{
    /// <summary>The run in progress (or paused/interrupted and resumable), if any.</summary>
    BackfillRun? Current { get; }

    /// <summary>Plans and records a run, then executes it to the end (or until paused/cancelled).</summary>
    Task<BackfillRun> RunAsync(BackfillRequest request, CancellationToken cancellationToken = default);

    /// <summary>Continues a paused or interrupted run from its last finished batch.</summary>
    Task<BackfillRun> ResumeAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Asks the running run to stop after cancelling in-flight queries; it can be resumed later.</summary>
    Task PauseAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the running run for good; in-flight queries are killed.</summary>
    Task CancelAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes run <paramref name="runId"/> for good: the run executing here is stopped as <see cref="CancelAsync"/>
    /// stops it; a paused or interrupted one is recorded as cancelled, so its unfinished batches are never done.
    /// </summary>
    /// <exception cref="BackfillRunStateException">No such run, or one that is neither executing here, paused nor
    /// interrupted.</exception>
    Task<BackfillRun> CancelRunAsync(string runId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BackfillRun>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>One run, however old, as <see cref="ListRunsAsync"/> shows it; null when there is no such run.</summary>
    Task<BackfillRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BackfillBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Every progress event of every run, as it happens.</summary>
    IDisposable Subscribe(Action<BackfillEvent> onEvent);
}

public sealed class BackfillConflictException(string message) : InvalidOperationException(message);
