using Fifo.Backfill.Runs;
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
/// wallet range: wallets with fill rows above its <c>_version</c> or <c>block_number</c> maxima, and wallets
/// trading markets whose resolution rows were inserted since its resolution mark. The fills table has no insert
/// time, so this relies on new rows carrying a higher <c>_version</c> or <c>block_number</c>, as the ingestion
/// pipeline writes them. Rows that arrive below the marks (history imported later) are noticed by counting: when
/// the range grew by more rows than the ones above the marks, the run recomputes all wallets of the range.
/// Without a baseline, an incremental run computes all wallets of the range too.
/// </para>
/// </summary>
internal sealed partial class RunPlanner(
    WalletDiscovery discovery,
    BackfillStore store,
    RevisionClock clock,
    TimeProvider time,
    ILogger<RunPlanner> logger)
{
    /// <summary>How far back the baseline is searched for.</summary>
    private const int BaselineSearchDepth = 200;

    public async Task<RunPlan> PlanAsync(BackfillRequest request, BackfillOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var runId = RunIds.New(now);
        var range = request.Wallets ?? WalletRange.All;
        var workers = request.Workers ?? options.Workers;
        var batchFills = request.BatchFills ?? options.BatchFills;

        var baseline = request.Mode == BackfillMode.Incremental ? await FindBaselineAsync(runId, range, cancellationToken) : null;
        // Marks before wallets: whatever arrives while this run plans and executes is above them, so the next run sees it.
        var (marks, rowsAboveBaseline) = await discovery.ReadMarksAsync(range, baseline?.Marks, cancellationToken);
        if (baseline is not null && RowsArrivedBelowMarks(runId, baseline, marks, rowsAboveBaseline))
            baseline = null;
        var wallets = baseline is not null
            ? await discovery.StageChangedWalletsAsync(runId, range, baseline.Marks, cancellationToken)
            : await discovery.AllWalletsAsync(range, cancellationToken);
        if (baseline is not null)
            LogIncremental(runId, baseline.RunId, wallets.Count);

        var spans = BatchPlanner.Plan(wallets, batchFills);
        var batches = spans.Select((span, index) => new BatchRecord(runId, index + 1, clock.Next(), span,
            BatchState.Pending, Attempts: 0, Retries: 0, LotsVersion: 0, RowsWritten: 0, Duration: null,
            StartedAt: null, FinishedAt: null, Error: null)).ToList();
        await store.AppendBatchesAsync(batches, cancellationToken);
        LogPlanned(runId, request.Mode, range.ToString(), batches.Count, wallets.Count, spans.Sum(s => s.Fills), batchFills);

        var run = new RunRecord(runId, clock.Next(), RunState.Pending, request.Mode, now, FinishedAt: null,
            HeartbeatAt: now, Active: TimeSpan.Zero, Owner: "", workers, batchFills, range,
            request with { Wallets = range, Workers = workers, BatchFills = batchFills },
            new Dictionary<string, string>(options.Settings, StringComparer.Ordinal), baseline?.RunId, marks, Error: null);
        return new RunPlan(run, batches);
    }

    /// <summary>
    /// The newest completed run over the same wallet range. A run with failed batches is no baseline (its failed
    /// wallets would be skipped for good) until a retry completes it; a run that saw no fills in the range is none
    /// either (everything in the range is new).
    /// </summary>
    private async Task<RunRecord?> FindBaselineAsync(string runId, WalletRange range, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(BaselineSearchDepth, cancellationToken);
        var baseline = runs.Select(r => r.Record).FirstOrDefault(r => r.State == RunState.Completed && r.Wallets == range);
        if (baseline is { Marks.FillsVersion: not null, Marks.FillsRows: not null })
            return baseline;
        LogNoBaseline(runId, range.ToString());
        return null;
    }

    /// <summary>Whether the range grew by more rows than those above the baseline's marks.</summary>
    private bool RowsArrivedBelowMarks(string runId, RunRecord baseline, HighWaterMarks now, ulong rowsAboveBaseline)
    {
        var grown = (long)(now.FillsRows ?? 0) - (long)baseline.Marks.FillsRows!.Value;
        if (grown <= (long)rowsAboveBaseline)
            return false;
        LogRowsBelowMarks(runId, grown - (long)rowsAboveBaseline, baseline.RunId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: incremental from run {BaselineRunId}, {Wallets} changed wallets")]
    private partial void LogIncremental(string runId, string baselineRunId, int wallets);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: no completed run over wallets {WalletRange} to start from, so the incremental run computes all of them")]
    private partial void LogNoBaseline(string runId, string walletRange);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId}: {Rows} fill rows arrived below the high-water marks of run {BaselineRunId} (history imported later?), so the incremental run computes all wallets of its range")]
    private partial void LogRowsBelowMarks(string runId, long rows, string baselineRunId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} planned: {Mode}, wallets {WalletRange}, {Batches} batches, {Wallets} wallets, {Fills} fills, ~{BatchFills} fills per batch")]
    private partial void LogPlanned(string runId, BackfillMode mode, string walletRange, int batches, int wallets, long fills, long batchFills);
}
