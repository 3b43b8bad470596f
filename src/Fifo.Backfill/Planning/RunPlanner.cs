using Fifo.Backfill.Runs;
using Fifo.ClickHouse.Engine;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Microsoft.Extensions.Logging;

namespace Fifo.Backfill.Planning;

/// <summary>
/// Turns a request into a recorded plan: reads the high-water marks, finds the wallets, cuts them into batches
/// balanced by fills and appends the batches as Pending. The run record itself is appended by the caller when it
/// starts executing, so a crash while planning leaves nothing visible behind.
/// <para>
/// Incremental runs recompute the wallets changed since the baseline — the newest completed run over the same
/// wallet range: wallets with fill rows inserted since, and wallets holding positions in markets with resolution
/// rows inserted since. The fills table has no insert time and neither <c>_version</c>, <c>block_number</c> nor
/// <c>insert_time</c> need grow with insertion (imported history does not), so new rows are told by where they
/// lie: an INSERT into a MergeTree table makes parts with higher block numbers than any before, and the baseline
/// recorded each table's highest. Limits, all erring on the side of recomputing: parts merged from old and new
/// rows count as new as a whole, and an <c>OPTIMIZE … FINAL</c> makes every row new. Changes made by mutations
/// (ALTER UPDATE/DELETE, lightweight deletes) are not seen: a full run picks them up. When a source table is not a
/// MergeTree table of the database (a view, a Distributed table), or without a baseline, an incremental run
/// computes all wallets of its range.
/// </para>
/// </summary>
internal sealed partial class RunPlanner(
    WalletDiscovery discovery,
    BackfillStore store,
    RevisionClock clock,
    TimeProvider time,
    ILogger<RunPlanner> logger)
{
    public async Task<RunPlan> PlanAsync(BackfillRequest request, BackfillOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planningStarted = time.GetTimestamp();
        var runId = RunIds.New(now);
        var range = request.Wallets ?? WalletRange.All;
        var workers = request.Workers ?? options.Workers;
        var batchFills = request.BatchFills ?? options.BatchFills;

        // Marks before wallets: whatever arrives while this run plans and executes is above them, so the next run sees it.
        var marks = await discovery.ReadMarksAsync(cancellationToken);
        var baseline = request.Mode == BackfillMode.Incremental ? await FindBaselineAsync(runId, range, cancellationToken) : null;
        var wallets = baseline is not null
            ? await discovery.StageChangedWalletsAsync(runId, range, baseline.Marks, cancellationToken)
            : await discovery.AllWalletsAsync(range, cancellationToken);
        if (baseline is not null)
            LogIncremental(runId, baseline.RunId, wallets.Count);

        var spans = BatchPlanner.Plan(wallets, batchFills, workers);
        var batches = spans.Select((span, index) => new BatchRecord(runId, index + 1, clock.Next(), span,
            BatchState.Pending, Attempts: 0, Retries: 0, LotsVersion: 0, RowsWritten: 0, Duration: null,
            StartedAt: null, FinishedAt: null, Error: null)).ToList();
        await store.AppendBatchesAsync(batches, cancellationToken);
        LogPlanned(runId, request.Mode, range.ToString(), batches.Count, wallets.Count, spans.Sum(s => s.Fills), batchFills);

        // Planning counts as time the run was active: an incremental run's cost is mostly finding what changed.
        var run = new RunRecord(runId, clock.Next(), RunState.Pending, request.Mode, now, FinishedAt: null,
            HeartbeatAt: now, Active: time.GetElapsedTime(planningStarted), Owner: "", workers, batchFills, range,
            request with { Wallets = range, Workers = workers, BatchFills = batchFills },
            EngineQuerySettings.For(options.Settings), baseline?.RunId, marks, Error: null);
        return new RunPlan(run, batches);
    }

    /// <summary>
    /// The newest completed run over the same wallet range, if its marks can tell new fill rows. A run with failed
    /// batches is no baseline (its failed wallets would be skipped for good) until a retry completes it.
    /// </summary>
    private async Task<RunRecord?> FindBaselineAsync(string runId, WalletRange range, CancellationToken cancellationToken)
    {
        var baseline = (await store.FindNewestCompletedRunAsync(range, cancellationToken))?.Record;
        if (baseline is null)
            LogNoBaseline(runId, range.ToString());
        else if (!baseline.Marks.CanTellNewRows)
            LogNoPartMarks(runId, baseline.RunId);
        return baseline is { Marks.CanTellNewRows: true } ? baseline : null;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: incremental from run {BaselineRunId}, {Wallets} changed wallets")]
    private partial void LogIncremental(string runId, string baselineRunId, int wallets);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: no completed run over wallets {WalletRange} to start from, so the incremental run computes all of them")]
    private partial void LogNoBaseline(string runId, string walletRange);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId}: a source table had no MergeTree parts to mark when run {BaselineRunId} ran (a view or a Distributed table?), so new rows cannot be told apart and the incremental run computes all wallets of its range")]
    private partial void LogNoPartMarks(string runId, string baselineRunId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} planned: {Mode}, wallets {WalletRange}, {Batches} batches, {Wallets} wallets, {Fills} fills, ~{BatchFills} fills per batch")]
    private partial void LogPlanned(string runId, BackfillMode mode, string walletRange, int batches, int wallets, long fills, long batchFills);
}
