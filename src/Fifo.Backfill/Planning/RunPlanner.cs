using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Microsoft.Extensions.Logging;

namespace Fifo.Backfill.Planning;

/// <summary>
/// Turns a request into a recorded plan: reads the high-water marks, finds the wallets (all of the range, or for an
/// incremental run the ones changed since the newest completed run covering the range), cuts them into batches
/// balanced by fills and appends the batches as Pending. The run record itself is appended by the caller when it
/// starts executing, so a crash while planning leaves nothing visible behind.
/// </summary>
internal sealed partial class RunPlanner(
    WalletDiscovery discovery,
    BackfillStore store,
    RevisionClock clock,
    TimeProvider time,
    ILogger<RunPlanner> logger)
{
    /// <summary>How far back the newest completed run covering the range is searched for.</summary>
    private const int BaselineSearchDepth = 200;

    public async Task<RunPlan> PlanAsync(BackfillRequest request, BackfillOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var runId = RunIds.New(now);
        var range = request.Wallets ?? WalletRange.All;
        var workers = request.Workers ?? options.Workers;
        var batchFills = request.BatchFills ?? options.BatchFills;

        // Marks first: whatever arrives while this run plans and executes is above them and is picked up next time.
        var marks = await discovery.ReadMarksAsync(cancellationToken);
        var baseline = request.Mode == BackfillMode.Incremental ? await FindBaselineAsync(range, cancellationToken) : null;
        IReadOnlyList<WalletFills> wallets;
        if (baseline is not null)
        {
            wallets = await discovery.StageChangedWalletsAsync(runId, range, baseline.Marks, cancellationToken);
            LogIncremental(runId, baseline.RunId, wallets.Count);
        }
        else
        {
            if (request.Mode == BackfillMode.Incremental)
                LogNoBaseline(runId, range.ToString());
            wallets = await discovery.AllWalletsAsync(range, cancellationToken);
        }

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
    /// The newest completed run whose range covers <paramref name="range"/>: everything in the range was computed
    /// by it or before it, so only what changed since its marks needs recomputing. A run with failed batches is not
    /// a baseline (its failed wallets would be skipped for good) until a retry completes it.
    /// </summary>
    private async Task<RunRecord?> FindBaselineAsync(WalletRange range, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(BaselineSearchDepth, cancellationToken);
        return runs.Select(r => r.Record).FirstOrDefault(r =>
            r.State == RunState.Completed && r.Marks.FillsVersion is not null
            && r.Wallets.From <= range.From && r.Wallets.To >= range.To);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: incremental from run {BaselineRunId}, {Wallets} changed wallets")]
    private partial void LogIncremental(string runId, string baselineRunId, int wallets);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: no completed run covers wallets {WalletRange} yet, so the incremental run computes all of them")]
    private partial void LogNoBaseline(string runId, string walletRange);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} planned: {Mode}, wallets {WalletRange}, {Batches} batches, {Wallets} wallets, {Fills} fills, ~{BatchFills} fills per batch")]
    private partial void LogPlanned(string runId, BackfillMode mode, string walletRange, int batches, int wallets, long fills, long batchFills);
}
