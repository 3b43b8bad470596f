using Fifo.Backfill.Configuration;
using Fifo.Backfill.Execution;
using Fifo.Backfill.Planning;
using Fifo.Backfill.Progress;
using Fifo.Backfill.Runs;
using Fifo.ClickHouse.Engine;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill;

/// <summary>
/// The backfill engine the CLI and the web app share (registered as the singleton <see cref="IBackfillController"/>).
/// One run at a time in this process, by a gate; across processes, one run at a time per wallet: a run is refused
/// while the runs table shows a run over overlapping wallets whose owner still lives (best effort: ClickHouse has no
/// locks, so two processes starting in the same instant could both pass), and a new run is refused while a paused or
/// interrupted run, not yet covered by later runs, shares any of its wallets (<see cref="ResumableRuns"/>). Cancelling the token given to
/// <see cref="RunAsync"/> or <see cref="ResumeAsync"/> pauses the run, so a host shutting down leaves it resumable.
/// </summary>
internal sealed partial class BackfillOrchestrator(
    RunPlanner planner,
    BackfillStore store,
    BatchRunner runner,
    EventBroadcaster events,
    RevisionClock revisions,
    RunOwnerLiveness liveness,
    ServerSettingsCheck settingsCheck,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<BackfillOrchestrator> logger) : IBackfillController, IAsyncDisposable
{
    /// <summary>Runs with failed batches named when --retry-failed finds none in the newest run.</summary>
    private const int ListedFailedRuns = 5;
    private static readonly TimeSpan DisposePauseTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile RunExecution? active;
    private volatile BackfillRun? lastResumable;

    public BackfillRun? Current => active?.Snapshot() ?? lastResumable;

    public async Task<BackfillRun> RunAsync(BackfillRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        await EnterAsync(cancellationToken);
        try
        {
            if (request.RetryFailed)
                return await RetryFailedAsync(cancellationToken);
            var range = request.Wallets ?? WalletRange.All;
            await EnsureFreeForNewRunAsync(range, cancellationToken);
            var plan = await planner.PlanAsync(request, options.Value, cancellationToken);
            // Planning can take a while on a big table: look again just before claiming the run.
            await EnsureNoLiveRunAsync(range, cancellationToken);
            return await ExecuteAsync(plan.Run, plan.Batches, plan.Batches, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<BackfillRun> ResumeAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await EnterAsync(cancellationToken);
        try
        {
            var stored = await store.GetRunAsync(runId, cancellationToken)
                         ?? throw new BackfillRunStateException($"There is no run '{runId}'.");
            await EnsureNoLiveRunAsync(stored.Record.Wallets, cancellationToken);
            var state = stored.ToContract(liveness).State;
            // A failed run's failed batches are retried: the way to retry a run that is no longer the newest.
            if (state != RunState.Failed && !ResumableRuns.IsResumable(state))
                throw new BackfillRunStateException(
                    $"Run {runId} is {state}: only paused, interrupted or failed runs can be resumed.");
            return await ContinueAsync(stored, state, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task PauseAsync(CancellationToken cancellationToken = default)
    {
        if (active is not { } execution)
            return;
        execution.RequestStop(StopReason.Pause);
        await WaitForEndAsync(execution, cancellationToken);
    }

    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        if (active is { } execution)
        {
            execution.RequestStop(StopReason.Cancel);
            await WaitForEndAsync(execution, cancellationToken);
            return;
        }

        // Nothing executes here: a paused or interrupted run is closed for good instead.
        if (!await gate.WaitAsync(TimeSpan.Zero, cancellationToken))
            return;
        try
        {
            var newest = (await store.ListRunsAsync(1, cancellationToken)).FirstOrDefault();
            if (newest is not null && ResumableRuns.IsResumable(newest.ToContract(liveness).State))
                await CloseStoppedRunAsync(newest, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<BackfillRun> CancelRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (active is { } execution && execution.RunId == runId)
        {
            execution.RequestStop(StopReason.Cancel);
            await WaitForEndAsync(execution, cancellationToken);
            return execution.Snapshot();
        }

        // Executes nothing, so the configured batch settings do not matter here.
        await EnterGateAsync(cancellationToken);
        try
        {
            var stored = await store.GetRunAsync(runId, cancellationToken)
                         ?? throw new BackfillRunStateException($"There is no run '{runId}'.");
            var state = stored.ToContract(liveness).State;
            if (!ResumableRuns.IsResumable(state))
                throw new BackfillRunStateException(ExecutingRunStates.Includes(state)
                    ? $"Run {runId} is executing in another process ({stored.Record.Owner}): stop it there (Ctrl+C pauses it), then cancel it."
                    : $"Run {runId} is {state}: only paused or interrupted runs can be cancelled.");
            return await CloseStoppedRunAsync(stored, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Records a paused or interrupted run as cancelled: its unfinished batches are never done.</summary>
    private async Task<BackfillRun> CloseStoppedRunAsync(StoredRun stopped, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = stopped.Record with
        {
            Revision = revisions.Next(), State = RunState.Cancelled, FinishedAt = now, HeartbeatAt = now,
        };
        await store.AppendRunAsync(closed, cancellationToken);
        if (lastResumable?.RunId == closed.RunId)
            lastResumable = null;
        if (closed is { Mode: BackfillMode.Incremental, BaselineRunId: not null })
            await store.ForgetStagedWalletsAsync(closed.RunId, cancellationToken);
        LogCancelledIdle(closed.RunId);
        events.Publish(new RunStateChanged(closed.RunId, now, RunState.Cancelled, null));
        return (stopped with { Record = closed }).ToContract(liveness);
    }

    public async Task<IReadOnlyList<BackfillRun>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        var stored = await store.ListRunsAsync(limit, cancellationToken);
        var execution = active;
        var runs = stored
            .Select(r => execution is not null && r.Record.RunId == execution.RunId ? execution.Snapshot() : r.ToContract(liveness))
            .ToList();
        if (execution is null && runs.Count > 0)
            lastResumable = ResumableRuns.IsResumable(runs[0].State) ? runs[0] : null;
        return runs;
    }

    public async Task<BackfillRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (active is { } execution && execution.RunId == runId)
            return execution.Snapshot();
        return (await store.GetRunAsync(runId, cancellationToken))?.ToContract(liveness);
    }

    public async Task<IReadOnlyList<BackfillBatch>> ListBatchesAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var batches = await store.ListBatchesAsync(runId, cancellationToken);
        return batches.Select(b => b.ToContract()).ToList();
    }

    public IDisposable Subscribe(Action<BackfillEvent> onEvent) => events.Subscribe(onEvent);

    /// <summary>A host shutting down pauses the run, so it is resumable rather than interrupted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (active is { } execution)
        {
            execution.RequestStop(StopReason.Pause);
            using var timeout = new CancellationTokenSource(DisposePauseTimeout);
            await WaitForEndAsync(execution, timeout.Token);
        }
        gate.Dispose();
    }

    /// <summary>
    /// The failed batches of the newest run. When the newest run has none to retry (another run, perhaps over other
    /// wallets, has started since), the runs that have any are named: <see cref="ResumeAsync"/> retries one of them.
    /// </summary>
    private async Task<BackfillRun> RetryFailedAsync(CancellationToken cancellationToken)
    {
        var newest = (await store.ListRunsAsync(1, cancellationToken)).FirstOrDefault()
                     ?? throw new BackfillRunStateException("There is no run to retry yet.");
        var run = newest.ToContract(liveness);
        if (run.State == RunState.Failed)
        {
            await EnsureNoLiveRunAsync(newest.Record.Wallets, cancellationToken);
            return await ContinueAsync(newest, run.State, cancellationToken);
        }

        var failed = await store.ListRunsInStatesAsync([RunState.Failed], cancellationToken);
        if (failed.Count == 0)
        {
            if (run.State == RunState.Completed)
            {
                LogNothingToRetry(run.RunId);
                return run;
            }
            await EnsureNoLiveRunAsync(newest.Record.Wallets, cancellationToken); // still executing: a conflict
        }
        throw new BackfillRunStateException(NothingToRetry(run, failed));
    }

    private static string NothingToRetry(BackfillRun newest, IReadOnlyList<RunStatus> failed)
    {
        var last = newest.State == RunState.Completed
            ? $"The last run {newest.RunId} (wallets {newest.WalletRange}) completed without failed batches"
            : $"The last run {newest.RunId} (wallets {newest.WalletRange}) is {newest.State}";
        if (failed.Count > 0)
        {
            var listed = string.Join(", ", failed.Take(ListedFailedRuns).Select(r => $"{r.RunId} (wallets {r.Wallets})"));
            var more = failed.Count > ListedFailedRuns ? $" and {failed.Count - ListedFailedRuns} older" : "";
            return $"{last}. Runs with failed batches: {listed}{more}; retry one with --resume RUN_ID.";
        }
        return last + (ResumableRuns.IsResumable(newest.State)
            ? $": --retry-failed reruns the failed batches of a finished run; resume it first (--resume {newest.RunId})."
            : ": --retry-failed reruns the failed batches of a finished run; start a new run.");
    }

    /// <summary>
    /// Executes what a stored run has left: a failed run's failed batches, or a paused or interrupted run's unfinished
    /// ones. Failed batches are handed over as they are: the execution records them as Pending again once the run is
    /// recorded as Running.
    /// </summary>
    private async Task<BackfillRun> ContinueAsync(StoredRun stored, RunState state, CancellationToken cancellationToken)
    {
        var runId = stored.Record.RunId;
        var batches = await store.ListBatchesAsync(runId, cancellationToken);
        revisions.Observe(Math.Max(stored.Record.Revision, batches.Select(b => b.Revision).DefaultIfEmpty().Max()));
        List<BatchRecord> toRun;
        if (state == RunState.Failed)
        {
            toRun = batches.Where(b => b.State == BatchState.Failed).ToList();
            LogRetryingFailed(runId, toRun.Count);
        }
        else
        {
            toRun = batches.Where(b => b.State is BatchState.Pending or BatchState.Running).ToList();
            LogResuming(runId, state, toRun.Count, batches.Count);
        }
        return await ExecuteAsync(WithCurrentSettings(stored.Record), batches, toRun, cancellationToken);
    }

    private async Task<BackfillRun> ExecuteAsync(RunRecord run, IReadOnlyList<BatchRecord> all,
        IReadOnlyList<BatchRecord> toRun, CancellationToken cancellationToken)
    {
        // Lots versions must beat every version already committed, whatever this machine's clock says.
        revisions.Observe(await store.LatestLotsVersionAsync(cancellationToken));
        var execution = new RunExecution(run, all, toRun, runner, store, events, revisions, time,
            loggers.CreateLogger<RunExecution>());
        active = execution;
        lastResumable = null;
        try
        {
            await using var pauseOnCancel = cancellationToken.Register(() => execution.RequestStop(StopReason.Pause));
            var result = await execution.ExecuteAsync();
            lastResumable = ResumableRuns.IsResumable(result.State) ? result : null;
            return result;
        }
        finally
        {
            active = null;
        }
    }

    /// <summary>
    /// Resumes and retries use the settings configured now (an operator may have raised a limit); the run's rows
    /// record them as its batches get them, with the engine's defaults and pinned settings, as the planner does.
    /// </summary>
    private RunRecord WithCurrentSettings(RunRecord run) => run with { Settings = EngineQuerySettings.For(options.Value.Settings) };

    /// <summary>
    /// Before a run executes: one run at a time in this process (across processes see
    /// <see cref="EnsureNoLiveRunAsync"/>), and only with settings the server knows.
    /// </summary>
    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await EnterGateAsync(cancellationToken);
        try
        {
            // Before anything is written: a setting the server does not know would fail every batch.
            await settingsCheck.EnsureServerKnowsThemAsync(cancellationToken);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>One run-changing operation at a time in this process; closing a run needs no more than this.</summary>
    private async Task EnterGateAsync(CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(TimeSpan.Zero, cancellationToken))
            throw Conflict(active?.RunId, "in this process");
    }

    /// <summary>
    /// Refuses to execute over <paramref name="wallets"/> while a live run of another process covers any of them.
    /// Runs over disjoint ranges (<c>--wallets 0-7</c> on one machine, <c>8-f</c> on another) share nothing but
    /// rows keyed by their run id and the lots of their own wallets, so they may execute side by side.
    /// </summary>
    private async Task EnsureNoLiveRunAsync(WalletRange wallets, CancellationToken cancellationToken) =>
        // Every run recorded as executing, however old: a resumed run may have started before many newer runs.
        ThrowIfLiveOver(wallets, await store.ListRunsInStatesAsync(ExecutingRunStates.All, cancellationToken));

    private void ThrowIfLiveOver(WalletRange wallets, IEnumerable<RunStatus> runs)
    {
        var live = runs.FirstOrDefault(r => ExecutingRunStates.Includes(r.State) && r.Wallets.Overlaps(wallets)
                                            && liveness.IsAlive(r.Owner, r.HeartbeatAt));
        if (live is not null)
            throw Conflict(live.RunId, $"over wallets {live.Wallets}, by {live.Owner}");
    }

    /// <summary>
    /// Before planning records anything of a new run over <paramref name="wallets"/>: refuses it while a live run
    /// covers any of them (<see cref="EnsureNoLiveRunAsync"/>), or while a paused or interrupted run does. Runs over
    /// disjoint ranges are left alone, and so is a stopped run whose wallets later runs have all been over since:
    /// resuming it would only redo their work.
    /// </summary>
    private async Task EnsureFreeForNewRunAsync(WalletRange wallets, CancellationToken cancellationToken)
    {
        // Every run, newest first: a stopped run keeps its wallets however old it is, unless later runs covered them.
        var runs = await store.ListRunsInStatesAsync(Enum.GetValues<RunState>(), cancellationToken);
        ThrowIfLiveOver(wallets, runs);
        for (var i = 0; i < runs.Count; i++)
        {
            var candidate = runs[i];
            // A run recorded as executing whose owner is gone is interrupted (the live ones were refused above).
            var stopped = candidate.State == RunState.Paused || ExecutingRunStates.Includes(candidate.State);
            if (!stopped
                || !candidate.Wallets.Overlaps(wallets)
                || candidate.Wallets.IsCoveredBy(runs.Take(i).Select(later => later.Wallets)))
                continue;
            // Read in full only for the refusal's progress figures.
            if (await store.GetRunAsync(candidate.RunId, cancellationToken) is not { } stored)
                continue;
            var run = stored.ToContract(liveness);
            LogRefusedOverResumable(wallets.ToString(), run.RunId, run.WalletRange, run.State);
            throw new BackfillRunStateException(ResumableRuns.Refusal(run));
        }
    }

    private static BackfillConflictException Conflict(string? runId, string where) =>
        new($"Another backfill run{(runId is null ? "" : " (" + runId + ")")} is executing {where}; " +
            "wait for it, or pause or cancel it first.");

    private static async Task WaitForEndAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        try
        {
            await execution.Completion.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The run's own caller gets the error; whoever asked for the stop only waits for the end.
        }
    }

    private static void Validate(BackfillRequest request)
    {
        if (request.Workers is < 1 or > BackfillOptions.MaxWorkers)
            throw new ArgumentException($"Workers must be between 1 and {BackfillOptions.MaxWorkers}, not {request.Workers}.", nameof(request));
        if (request.BatchFills is < 1)
            throw new ArgumentException($"Batch size must be at least 1 fill, not {request.BatchFills}.", nameof(request));
        if (request.Wallets is { } range && (range.From is < 0 or > 15 || range.To is < 0 or > 15 || range.From > range.To))
            throw new ArgumentException($"Wallet range {range.From}-{range.To} is not a range of hex digits 0-f.", nameof(request));
        if (!Enum.IsDefined(request.Mode))
            throw new ArgumentException($"Unknown backfill mode {request.Mode}.", nameof(request));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming run {RunId} ({State}): {Pending} of {Batches} batches to do")]
    private partial void LogResuming(string runId, RunState state, int pending, int batches);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Failed} failed batches of run {RunId}")]
    private partial void LogRetryingFailed(string runId, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The last run {RunId} completed without failed batches: nothing to retry")]
    private partial void LogNothingToRetry(string runId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "New run over wallets {Wallets} refused: run {RunId} over wallets {RunWallets} is {State} and has batches to do")]
    private partial void LogRefusedOverResumable(string wallets, string runId, string? runWallets, RunState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled while not executing")]
    private partial void LogCancelledIdle(string runId);
}
