using Fifo.Admin.Jobs;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Live;

/// <summary>
/// Folds backfill events into a <see cref="LiveRunView"/> and collects the discrete events of the next delivery.
/// Not thread-safe: <see cref="BackfillLiveFeed"/> calls it under its lock.
/// </summary>
public sealed class LiveRunAccumulator(LiveFeedOptions options)
{
    private readonly Dictionary<int, BatchActivity> _batches = [];
    private readonly SortedDictionary<int, WorkerActivity> _workers = [];
    private readonly List<ThroughputPoint> _throughput = [];
    private readonly List<BackfillEvent> _pending = [];
    private int _pendingBatchEvents;
    private int _omitted;
    private bool _dirty;

    private string? _runId;
    private RunState _state;
    private string? _message;
    private RunStarted? _start;
    private ProgressSnapshot? _progress;
    private ProgressSnapshot? _lastSample;
    private DateTimeOffset _updatedAt;

    /// <summary>Applies one event; true when it must be delivered at once (run started, state changed, batch failed).</summary>
    public bool Apply(BackfillEvent e)
    {
        if (e.RunId != _runId)
            Reset(e.RunId);
        _updatedAt = e.At;
        _dirty = true;

        switch (e)
        {
            case RunStarted started:
                _start = started;
                _state = RunState.Running;
                // No progress until the engine reports some: a resumed run has done part of its plan already, and
                // zeros here would show it starting over until its first progress event.
                _pending.Add(e);
                return true;

            case RunStateChanged changed:
                _state = changed.State;
                _message = changed.Message;
                if (!RunStates.IsActive(changed.State))
                    Stop(changed.At);
                _pending.Add(e);
                return true;

            case RunProgress progress:
                _progress = progress.Progress;
                Sample(progress.Progress, final: false);
                return false;

            case BatchStarted started:
                _batches[started.BatchNo] = new BatchActivity(started.BatchNo, BatchState.Running, started.Worker, started.Attempt,
                    started.Wallets, started.Fills, 0, null, null, started.At);
                _workers[started.Worker] = new WorkerActivity(started.Worker, WorkerStatus.Running, started.BatchNo, started.Attempt,
                    started.FirstWallet, started.LastWallet, started.Fills, started.At);
                AddRoutine(e);
                break;

            case BatchFinished finished:
                _batches[finished.BatchNo] = new BatchActivity(finished.BatchNo, BatchState.Succeeded, finished.Worker, finished.Attempt,
                    finished.Wallets, finished.Fills, finished.RowsWritten, finished.Duration, null, finished.At);
                if (_workers.TryGetValue(finished.Worker, out var worker) && worker.BatchNo == finished.BatchNo)
                    _workers[finished.Worker] = Idle(finished.Worker, finished.At);
                AddRoutine(e);
                break;

            case BatchRetried retried:
                _batches[retried.BatchNo] = (_batches.GetValueOrDefault(retried.BatchNo) ?? NewBatch(retried.BatchNo, retried.At))
                    with { State = BatchState.Running, Attempt = retried.Attempt, Error = retried.Error, At = retried.At };
                foreach (var (no, w) in _workers.Where(w => w.Value.BatchNo == retried.BatchNo).ToList())
                    _workers[no] = w with { Status = WorkerStatus.Retrying, Attempt = retried.Attempt, Since = retried.At };
                AddRoutine(e);
                break;

            case BatchFailed failed:
                _batches[failed.BatchNo] = (_batches.GetValueOrDefault(failed.BatchNo) ?? NewBatch(failed.BatchNo, failed.At))
                    with { State = BatchState.Failed, Attempt = failed.Attempts, Error = failed.Error, At = failed.At };
                foreach (var no in _workers.Where(w => w.Value.BatchNo == failed.BatchNo).Select(w => w.Key).ToList())
                    _workers[no] = Idle(no, failed.At);
                _pending.Add(e);
                return true;
        }

        TrimBatches();
        return false;
    }

    /// <summary>The next delivery, or null when nothing happened since the last one.</summary>
    public LiveUpdate? TakeUpdate(long sequence)
    {
        if (!_dirty || _runId is null)
            return null;
        var update = new LiveUpdate(sequence, View(), _pending.ToArray(), _omitted);
        _pending.Clear();
        _pendingBatchEvents = 0;
        _omitted = 0;
        _dirty = false;
        return update;
    }

    private LiveRunView View() => new(
        _runId!, _state, _message, _start, _progress,
        _workers.Values.ToArray(),
        _batches.Values.OrderByDescending(b => b.At).ThenByDescending(b => b.BatchNo).Take(options.RecentBatches).ToArray(),
        _throughput.ToArray(),
        _updatedAt);

    private void Reset(string runId)
    {
        _runId = runId;
        _state = RunState.Running;
        _message = null;
        _start = null;
        _progress = null;
        _lastSample = null;
        _batches.Clear();
        _workers.Clear();
        _throughput.Clear();
    }

    /// <summary>Batch events are the only ones that can come by the thousand; past the cap they are counted.</summary>
    private void AddRoutine(BackfillEvent e)
    {
        if (_pendingBatchEvents < options.MaxBatchEventsPerUpdate)
        {
            _pending.Add(e);
            _pendingBatchEvents++;
        }
        else
        {
            _omitted++;
        }
    }

    /// <param name="final">The run stopped: the stretch since the last sample counts however short (a short run has no other).</param>
    private void Sample(ProgressSnapshot progress, bool final)
    {
        var previous = _lastSample;
        var span = progress.Elapsed - (previous?.Elapsed ?? TimeSpan.Zero);
        if (span <= TimeSpan.Zero || (span < options.ThroughputSample && !final))
            return;
        _throughput.Add(new ThroughputPoint(progress.Elapsed,
            (progress.FillsDone - (previous?.FillsDone ?? 0)) / span.TotalSeconds,
            (progress.WalletsDone - (previous?.WalletsDone ?? 0)) / span.TotalMinutes));
        _lastSample = progress;
        if (_throughput.Count > options.ThroughputPoints)
        {
            // Halve the resolution of the whole history rather than forget the start of a long run.
            var kept = _throughput.Where((_, i) => i % 2 == 0 || i == _throughput.Count - 1).ToList();
            _throughput.Clear();
            _throughput.AddRange(kept);
        }
    }

    private void TrimBatches()
    {
        if (_batches.Count <= options.RecentBatches * 4)
            return;
        foreach (var old in _batches.Values.OrderByDescending(b => b.At).Skip(options.RecentBatches).Where(b => b.State != BatchState.Running).ToList())
            _batches.Remove(old.BatchNo);
    }

    /// <summary>
    /// The run stopped (paused, interrupted, finished): no worker works, a batch that was running is left to do (the
    /// engine records it as pending), and the last stretch of throughput is sampled.
    /// </summary>
    private void Stop(DateTimeOffset at)
    {
        foreach (var no in _workers.Keys.ToList())
            _workers[no] = Idle(no, at);
        foreach (var batch in _batches.Values.Where(b => b.State == BatchState.Running).ToList())
            _batches[batch.BatchNo] = batch with { State = BatchState.Pending, Worker = null };
        if (_progress is { } progress)
            Sample(progress, final: true);
    }

    private static WorkerActivity Idle(int worker, DateTimeOffset at) => new(worker, WorkerStatus.Idle, null, 0, null, null, 0, at);

    private static BatchActivity NewBatch(int batchNo, DateTimeOffset at) => new(batchNo, BatchState.Pending, null, 0, 0, 0, 0, null, null, at);
}
