using Fifo.Core.Backfill;

namespace Fifo.Admin.Tests.Fakes;

/// <summary>
/// An engine with nothing executing in this process: <see cref="Current"/> and the recorded runs are whatever a test
/// sets (after a restart Current is null while the runs table still has a paused run; a CLI run is only recorded).
/// Starts and resumes are counted, not executed.
/// </summary>
public sealed class RecordedRunsController : IBackfillController
{
    private int _starts;

    public BackfillRun? Current { get; set; }

    /// <summary>Newest first, as the runs table lists them.</summary>
    public IReadOnlyList<BackfillRun> Runs { get; set; } = [];

    public int Starts => Volatile.Read(ref _starts);

    public static BackfillRun Run(string runId, RunState state, int batchesFailed = 0) =>
        new(runId, BackfillMode.Full, state, DateTimeOffset.UnixEpoch, null, 2, 10_000, "0-f", new Dictionary<string, string>(),
            new ProgressSnapshot(10, 4, batchesFailed, 100, 40, 1_000, 400, 120, 0, 0, 0, TimeSpan.FromSeconds(4), null), null);

    public Task<BackfillRun> RunAsync(BackfillRequest request, CancellationToken cancellationToken = default) => Started();

    public Task<BackfillRun> ResumeAsync(string runId, CancellationToken cancellationToken = default) => Started();

    public Task PauseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CancelAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Ids <see cref="CancelRunAsync"/> closed, in order.</summary>
    public List<string> CancelledRuns { get; } = [];

    /// <summary>Records the run as cancelled in <see cref="Runs"/>, as the engine's runs table would show it.</summary>
    public Task<BackfillRun> CancelRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = Runs.Single(r => r.RunId == runId) with { State = RunState.Cancelled };
        Runs = Runs.Select(r => r.RunId == runId ? run : r).ToArray();
        CancelledRuns.Add(runId);
        return Task.FromResult(run);
    }

    public Task<IReadOnlyList<BackfillRun>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BackfillRun>>(Runs.Take(limit).ToArray());

    public Task<BackfillRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Runs.FirstOrDefault(r => r.RunId == runId));

    public Task<IReadOnlyList<BackfillBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BackfillBatch>>([]);

    public IDisposable Subscribe(Action<BackfillEvent> onEvent) => new NoSubscription();

    private Task<BackfillRun> Started()
    {
        Interlocked.Increment(ref _starts);
        return Task.FromResult(Run("started", RunState.Completed));
    }

    private sealed class NoSubscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
