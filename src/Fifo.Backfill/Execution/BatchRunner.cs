using Fifo.Backfill.Planning;
using Fifo.Backfill.Runs;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill.Execution;

/// <summary>
/// Executes one planned batch until it succeeds or definitely fails: transient errors are retried with backoff
/// (up to <see cref="BackfillOptions.MaxAttempts"/> attempts per span), a batch that is too big for the server's
/// limits is split into two halves balanced by fills and each half is run the same way, down to a single wallet.
/// Every attempt writes under a new lots version, so whatever a failed or abandoned attempt left behind stays
/// invisible. A stop (pause, cancel) cancels the running query, kills it on the server and ends the batch as
/// Pending. An attempt that failed without the server saying how it ended (a client timeout, a dropped connection)
/// is killed by its query id too, before it is retried or split.
/// </summary>
internal sealed partial class BatchRunner(
    IBatchExecutor executor,
    WalletDiscovery discovery,
    QueryKiller killer,
    RevisionClock versions,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<BatchRunner> logger)
{
    private readonly RetryBackoff backoff = new(options.Value.RetryBaseDelay);

    /// <param name="batch">The batch as last recorded (attempt counts continue from it).</param>
    /// <param name="stagedWalletsOnly">Incremental run: compute only the wallets staged for the run.</param>
    /// <param name="settings">ClickHouse settings for every query.</param>
    /// <param name="publish">Receives <see cref="BatchRetried"/> events.</param>
    /// <param name="stop">Pause or cancel of the run.</param>
    public async Task<BatchOutcome> RunAsync(BatchRecord batch, bool stagedWalletsOnly,
        IReadOnlyDictionary<string, string> settings, Action<BackfillEvent> publish, CancellationToken stop)
    {
        var counters = new AttemptCounters(batch.Attempts, batch.Retries);
        var context = new Context(batch, stagedWalletsOnly, settings, publish, counters);
        BatchOutcome Outcome(BatchState state, long rows, string? error) =>
            new(state, rows, counters.Attempts, counters.Retries, counters.LotsVersion, error);
        try
        {
            return Outcome(BatchState.Succeeded, await RunSpanAsync(context, batch.Span, stop), null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Outcome(BatchState.Pending, 0, null);
        }
        catch (BatchFailedException e)
        {
            return Outcome(BatchState.Failed, 0, e.Message);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // Failed outside the batch query itself (e.g. listing the wallets to split by).
            return Outcome(BatchState.Failed, 0, Describe(e));
        }
    }

    private async Task<long> RunSpanAsync(Context context, WalletSpan span, CancellationToken stop)
    {
        for (var attemptOfSpan = 1; ; attemptOfSpan++)
        {
            stop.ThrowIfCancellationRequested();
            var counters = context.Counters;
            counters.Attempts++;
            counters.LotsVersion = versions.Next();
            var work = new BatchWork(context.Batch.RunId, context.Batch.BatchNo, span, context.StagedWalletsOnly,
                counters.LotsVersion, context.Settings,
                // Unique per attempt even across resumes: a killed attempt's query may still be winding down.
                QueryId: $"fifo-backfill-{context.Batch.RunId}-{context.Batch.BatchNo}-v{counters.LotsVersion}");
            Exception failure;
            try
            {
                var result = await executor.ExecuteAsync(work, stop);
                return result.RowsWritten;
            }
            catch (Exception e) when (stop.IsCancellationRequested)
            {
                LogStopped(context.Batch.RunId, context.Batch.BatchNo, work.QueryId, e.GetType().Name);
                await killer.KillAsync(work.QueryId);
                throw new OperationCanceledException("The run was stopped while the batch ran.", e, stop);
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (FailureClassifier.MayStillRun(failure))
                await killer.KillAsync(work.QueryId);
            var error = Describe(failure);
            switch (FailureClassifier.Classify(failure))
            {
                case FailureKind.TooBig:
                    var wallets = await discovery.SpanWalletsAsync(context.Batch.RunId, span, context.StagedWalletsOnly, stop);
                    if (!BatchPlanner.TrySplitInHalf(wallets, out var lower, out var upper))
                        throw new BatchFailedException(
                            $"{error} — the span {span.FirstWallet}..{span.LastWallet} holds a single wallet and cannot be split further; " +
                            "raise the limit in Backfill:Settings");
                    counters.Retries++;
                    LogSplit(context.Batch.RunId, context.Batch.BatchNo, span.ToString(), lower.ToString(), upper.ToString(), error);
                    context.Publish(new BatchRetried(context.Batch.RunId, time.GetUtcNow(), context.Batch.BatchNo,
                        counters.Attempts, TimeSpan.Zero, error, Split: true));
                    return await RunSpanAsync(context, lower, stop) + await RunSpanAsync(context, upper, stop);

                case FailureKind.Transient when attemptOfSpan < options.Value.MaxAttempts:
                    var delay = backoff.DelayAfter(attemptOfSpan);
                    counters.Retries++;
                    LogRetry(context.Batch.RunId, context.Batch.BatchNo, attemptOfSpan, delay, error);
                    context.Publish(new BatchRetried(context.Batch.RunId, time.GetUtcNow(), context.Batch.BatchNo,
                        counters.Attempts, delay, error, Split: false));
                    await Task.Delay(delay, time, stop);
                    break;

                case FailureKind.Transient:
                    throw new BatchFailedException($"{error} (still failing after {attemptOfSpan} attempts)");

                default:
                    throw new BatchFailedException(error);
            }
        }
    }

    /// <summary>The error as operators read it: ClickHouse's own message when there is one.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim();
        return message.Length <= 2000 ? message : message[..2000] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId} batch {BatchNo}: attempt {Attempt} failed, retrying in {Delay}: {Error}")]
    private partial void LogRetry(string runId, int batchNo, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId} batch {BatchNo}: span {Span} too big ({Error}); splitting into {Lower} and {Upper}")]
    private partial void LogSplit(string runId, int batchNo, string span, string lower, string upper, string error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} batch {BatchNo}: stopped while query {QueryId} ran ({Exception}); killing it")]
    private partial void LogStopped(string runId, int batchNo, string queryId, string exception);

    /// <summary>Attempt counters of one batch, over all its spans.</summary>
    private sealed class AttemptCounters(int attempts, int retries)
    {
        public int Attempts { get; set; } = attempts;
        public int Retries { get; set; } = retries;
        public ulong LotsVersion { get; set; }
    }

    private sealed record Context(BatchRecord Batch, bool StagedWalletsOnly, IReadOnlyDictionary<string, string> Settings,
        Action<BackfillEvent> Publish, AttemptCounters Counters);

    private sealed class BatchFailedException(string message) : Exception(message);
}
