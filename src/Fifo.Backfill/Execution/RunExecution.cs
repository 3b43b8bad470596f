using System.Collections.Concurrent;
using Fifo.Backfill.Progress;
using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;
using Microsoft.Extensions.Logging;

namespace Fifo.Backfill.Execution;

/// <summary>
/// One execution segment of a run (its start, or a resume, or a retry of its failed batches): N workers take the
/// given batches one after the other, each recorded as Running, then Succeeded or Failed; a heartbeat keeps the
/// run row fresh and publishes progress every second. A stop (pause or cancel) cancels the running queries and
/// records the interrupted batches as Pending again, so the next resume redoes exactly those. Failed batches given to
/// a segment (a retry) are recorded as Pending again only after the run's Running row: a crash in between leaves an
/// interrupted run that still shows them as failed, never a failed run without failed batches.
/// </summary>
internal sealed partial class RunExecution
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly BatchRunner runner;
    private readonly BackfillStore store;
    private readonly EventBroadcaster events;
    private readonly RevisionClock revisions;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentQueue<BatchRecord> queue;
    private readonly IReadOnlyList<BatchRecord> failedToRetry;
    private readonly CancellationTokenSource stopSource = new();
    private readonly TaskCompletionSource<BackfillRun> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool stagedWalletsOnly;
    private readonly RunOwner owner;
    private readonly ProgressTracker tracker;
    private RunRecord record;
    private int stopReason; // a StopReason, read and raised atomically

    /// <param name="run">The run's newest record; its owner is set to this segment.</param>
    /// <param name="allBatches">Every batch of the run as last recorded.</param>
    /// <param name="toRun">The batches this segment executes, in order (failed ones are retried).</param>
    public RunExecution(RunRecord run, IReadOnlyList<BatchRecord> allBatches, IReadOnlyList<BatchRecord> toRun,
        BatchRunner runner, BackfillStore store, EventBroadcaster events, RevisionClock revisions, TimeProvider time,
        ILogger logger)
    {
        this.runner = runner;
        this.store = store;
        this.events = events;
        this.revisions = revisions;
        this.time = time;
        this.logger = logger;
        owner = RunOwner.NewSegment();
        record = run with { Owner = owner.ToString(), State = RunState.Running, FinishedAt = null, Error = null };
        queue = new ConcurrentQueue<BatchRecord>(toRun);
        failedToRetry = toRun.Where(b => b.State == BatchState.Failed).ToList();
        stagedWalletsOnly = run.Mode == BackfillMode.Incremental && run.BaselineRunId is not null;
        tracker = new ProgressTracker(InitialTotals(allBatches, toRun), run.Active, time);
    }

    public string RunId => record.RunId;

    /// <summary>Completes with the run as it stands when this segment ends.</summary>
    public Task<BackfillRun> Completion => completion.Task;

    /// <summary>The run as the API shows it while this segment executes.</summary>
    public BackfillRun Snapshot()
    {
        var state = (StopReason)Volatile.Read(ref stopReason) switch
        {
            StopReason.Pause => RunState.Pausing,
            StopReason.Cancel => RunState.Cancelling,
            _ => RunState.Running,
        };
        var current = record;
        return new BackfillRun(current.RunId, current.Mode, state, current.StartedAt, null, current.Workers,
            current.BatchFills, current.Wallets.ToString(), current.Settings, tracker.Snapshot(running: true), null);
    }

    /// <summary>Asks the workers to stop; running queries are cancelled at once. A cancel overrides a pause.</summary>
    public void RequestStop(StopReason reason)
    {
        while (true)
        {
            var previous = Volatile.Read(ref stopReason);
            if (previous >= (int)reason)
                return;
            if (Interlocked.CompareExchange(ref stopReason, (int)reason, previous) == previous)
                break;
        }
        LogStopRequested(RunId, reason);
        if (reason is StopReason.Pause or StopReason.Cancel)
            events.Publish(new RunStateChanged(RunId, time.GetUtcNow(),
                reason == StopReason.Pause ? RunState.Pausing : RunState.Cancelling, null));
        try
        {
            stopSource.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The segment has just ended; nothing left to stop.
        }
    }

    public async Task<BackfillRun> ExecuteAsync()
    {
        using var registration = RunOwnerLiveness.Register(owner);
        try
        {
            var result = await ExecuteCoreAsync();
            completion.TrySetResult(result);
            return result;
        }
        catch (Exception e)
        {
            completion.TrySetException(e);
            throw;
        }
        finally
        {
            stopSource.Dispose();
        }
    }

    private async Task<BackfillRun> ExecuteCoreAsync()
    {
        await AppendRunAsync(record with { HeartbeatAt = time.GetUtcNow() });
        await store.AppendBatchesAsync(failedToRetry
            .Select(b => b with { Revision = revisions.Next(), State = BatchState.Pending, Error = null })
            .ToList(), CancellationToken.None);
        var totals = tracker.Totals;
        LogStarted(RunId, record.Mode, record.Workers, queue.Count, totals.BatchesTotal);
        events.Publish(new RunStarted(RunId, time.GetUtcNow(), record.Mode, record.Workers, record.BatchFills,
            record.Wallets.ToString(), totals.BatchesTotal, totals.WalletsTotal, totals.FillsTotal));
        events.Publish(new RunStateChanged(RunId, time.GetUtcNow(), RunState.Running, null));

        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(heartbeatStop.Token);
        var stop = stopSource.Token;
        var workers = Enumerable.Range(1, Math.Max(1, record.Workers))
            .Select(worker => Task.Run(() => WorkAsync(worker, stop), CancellationToken.None))
            .ToList();
        Exception? crash = null;
        try
        {
            await Task.WhenAll(workers);
        }
        catch (Exception) when (workers.Any(w => w.IsFaulted))
        {
            // Bookkeeping itself failed (the database is unreachable): stop the other workers and record the run as
            // interrupted, so it can be resumed once the database is back.
            crash = workers.First(w => w.IsFaulted).Exception!.GetBaseException();
            RequestStop(StopReason.Abort);
            await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        return await FinishAsync(crash);
    }

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && queue.TryDequeue(out var batch))
        {
            var startedAt = time.GetUtcNow();
            var started = time.GetTimestamp();
            var running = batch with
            {
                Revision = revisions.Next(), State = BatchState.Running, StartedAt = startedAt, FinishedAt = null,
                Duration = null, Error = null,
            };
            await store.AppendBatchesAsync([running], CancellationToken.None);
            LogBatchStarted(RunId, batch.BatchNo, worker, batch.Span.FirstWallet, batch.Span.LastWallet,
                batch.Span.Wallets, batch.Span.Fills);
            events.Publish(new BatchStarted(RunId, startedAt, batch.BatchNo, worker, batch.Attempts + 1,
                batch.Span.FirstWallet, batch.Span.LastWallet, batch.Span.Wallets, batch.Span.Fills));

            var outcome = await runner.RunAsync(running, stagedWalletsOnly, record.Settings, PublishBatchEvent, stop);
            if (outcome.State == BatchState.Pending)
            {
                await store.AppendBatchesAsync([running with
                {
                    Revision = revisions.Next(), State = BatchState.Pending, Attempts = outcome.Attempts,
                    Retries = outcome.Retries, LotsVersion = outcome.LotsVersion,
                }], CancellationToken.None);
                LogBatchInterrupted(RunId, batch.BatchNo);
                return;
            }

            var duration = time.GetElapsedTime(started);
            var finishedAt = time.GetUtcNow();
            var finished = running with
            {
                Revision = revisions.Next(),
                State = outcome.State,
                Attempts = outcome.Attempts,
                Retries = outcome.Retries,
                LotsVersion = outcome.LotsVersion,
                RowsWritten = outcome.RowsWritten,
                Duration = duration,
                FinishedAt = finishedAt,
                Error = outcome.Error,
            };
            await store.AppendBatchesAsync([finished], CancellationToken.None);
            if (outcome.State == BatchState.Succeeded)
            {
                tracker.BatchSucceeded(batch.Span.Wallets, batch.Span.Fills, outcome.RowsWritten);
                LogBatchFinished(RunId, batch.BatchNo, worker, batch.Span.Wallets, batch.Span.Fills, outcome.RowsWritten,
                    duration.TotalMilliseconds, batch.Span.Fills / Math.Max(duration.TotalSeconds, 1e-3));
                events.Publish(new BatchFinished(RunId, finishedAt, batch.BatchNo, worker, outcome.Attempts,
                    batch.Span.Wallets, batch.Span.Fills, outcome.RowsWritten, duration));
            }
            else
            {
                tracker.BatchFailed(batch.Span.Fills);
                LogBatchFailed(RunId, batch.BatchNo, worker, outcome.Attempts, outcome.Error!);
                events.Publish(new BatchFailed(RunId, finishedAt, batch.BatchNo, outcome.Attempts, outcome.Error!));
            }
            events.Publish(new RunProgress(RunId, finishedAt, tracker.Snapshot(running: true)));
        }
    }

    /// <summary>The batch runner's events (retries and splits) counted as they happen, then published.</summary>
    private void PublishBatchEvent(BackfillEvent e)
    {
        if (e is BatchRetried)
            tracker.BatchRetried();
        events.Publish(e);
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval, time);
        var lastBeat = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                events.Publish(new RunProgress(RunId, time.GetUtcNow(), tracker.Snapshot(running: true)));
                if (time.GetElapsedTime(lastBeat) < RunOwnerLiveness.HeartbeatInterval)
                    continue;
                lastBeat = time.GetTimestamp();
                try
                {
                    await AppendRunAsync(record with { HeartbeatAt = time.GetUtcNow(), Active = tracker.Active },
                        cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(e, RunId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The segment ended.
        }
    }

    private async Task<BackfillRun> FinishAsync(Exception? crash)
    {
        var totals = tracker.Totals;
        var allDone = totals.BatchesDone + totals.BatchesFailed == totals.BatchesTotal;
        var state = crash is not null ? RunState.Interrupted
            : allDone ? (totals.BatchesFailed > 0 ? RunState.Failed : RunState.Completed)
            : (StopReason)Volatile.Read(ref stopReason) == StopReason.Cancel ? RunState.Cancelled
            : RunState.Paused;
        var now = time.GetUtcNow();
        var error = crash is not null ? $"Bookkeeping failed: {crash.Message}"
            : state == RunState.Failed ? $"{totals.BatchesFailed} of {totals.BatchesTotal} batches failed; retry them with --resume {RunId}"
            : null;
        var final = record with
        {
            Revision = revisions.Next(),
            State = state,
            FinishedAt = state is RunState.Completed or RunState.Failed or RunState.Cancelled ? now : null,
            HeartbeatAt = now,
            Active = tracker.Active,
            Error = error,
        };
        try
        {
            await store.AppendRunAsync(final, CancellationToken.None);
        }
        catch (Exception e) when (crash is not null)
        {
            // The database that failed the bookkeeping fails this too; the run shows as Interrupted anyway once this
            // segment is gone.
            LogFinalRowLost(e, RunId);
        }
        record = final;
        if (stagedWalletsOnly && state is RunState.Completed or RunState.Cancelled)
            await ForgetStagedWalletsAsync();

        var progress = tracker.Snapshot(running: false);
        LogFinished(RunId, state, totals.BatchesDone, totals.BatchesFailed, totals.BatchesTotal, totals.FillsDone,
            totals.RowsWritten, progress.Elapsed.TotalSeconds, progress.FillsPerSecond);
        events.Publish(new RunProgress(RunId, now, progress));
        events.Publish(new RunStateChanged(RunId, now, state, error));
        if (crash is not null)
            throw new InvalidOperationException($"Run {RunId} stopped: {error}", crash);
        return new BackfillRun(final.RunId, final.Mode, state, final.StartedAt, final.FinishedAt, final.Workers,
            final.BatchFills, final.Wallets.ToString(), final.Settings, progress, error);
    }

    private async Task ForgetStagedWalletsAsync()
    {
        try
        {
            await store.ForgetStagedWalletsAsync(RunId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only housekeeping: the rows stay behind, harmless.
            LogForgetFailed(e, RunId);
        }
    }

    private Task AppendRunAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        store.AppendRunAsync(run with { Revision = revisions.Next() }, cancellationToken);

    private static RunTotals InitialTotals(IReadOnlyList<BatchRecord> all, IReadOnlyList<BatchRecord> toRun)
    {
        var rerun = toRun.Select(b => b.BatchNo).ToHashSet();
        var done = all.Where(b => b.State == BatchState.Succeeded && !rerun.Contains(b.BatchNo)).ToList();
        var failed = all.Where(b => b.State == BatchState.Failed && !rerun.Contains(b.BatchNo)).ToList();
        return new RunTotals(
            all.Count,
            done.Count,
            failed.Count,
            all.Sum(b => b.Span.Wallets),
            done.Sum(b => b.Span.Wallets),
            all.Sum(b => b.Span.Fills),
            done.Sum(b => b.Span.Fills),
            failed.Sum(b => b.Span.Fills),
            done.Sum(b => b.RowsWritten),
            all.Sum(b => b.Retries));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} executing: {Mode}, {Workers} workers, {Pending} of {Batches} batches to do")]
    private partial void LogStarted(string runId, BackfillMode mode, int workers, int pending, int batches);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} batch {BatchNo} started on worker {Worker}: {FirstWallet}..{LastWallet}, {Wallets} wallets, {Fills} fills")]
    private partial void LogBatchStarted(string runId, int batchNo, int worker, string firstWallet, string lastWallet, long wallets, long fills);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} batch {BatchNo} finished on worker {Worker}: {Wallets} wallets, {Fills} fills, {RowsWritten} rows in {DurationMs:F0} ms ({FillsPerSecond:F0} fills/s)")]
    private partial void LogBatchFinished(string runId, int batchNo, int worker, long wallets, long fills, long rowsWritten, double durationMs, double fillsPerSecond);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Run {RunId} batch {BatchNo} failed on worker {Worker} after {Attempts} attempts: {Error}")]
    private partial void LogBatchFailed(string runId, int batchNo, int worker, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} batch {BatchNo} interrupted; it is redone on resume")]
    private partial void LogBatchInterrupted(string runId, int batchNo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: stop requested ({Reason})")]
    private partial void LogStopRequested(string runId, StopReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: heartbeat not written")]
    private partial void LogHeartbeatFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: its staged wallet set could not be dropped")]
    private partial void LogForgetFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: its final state could not be recorded")]
    private partial void LogFinalRowLost(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} {State}: {BatchesDone} done, {BatchesFailed} failed of {Batches} batches; {Fills} fills, {RowsWritten} rows in {Seconds:F1} s ({FillsPerSecond:F0} fills/s)")]
    private partial void LogFinished(string runId, RunState state, int batchesDone, int batchesFailed, int batches, long fills, long rowsWritten, double seconds, double fillsPerSecond);
}
