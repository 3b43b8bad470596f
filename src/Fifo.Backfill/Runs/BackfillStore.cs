using ClickHouse.Driver;
using Dapper;
using Fifo.Backfill.Execution;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill.Runs;

/// <summary>
/// Reads and appends the rows of the runs and batches tables (004_backfill_bookkeeping.sql). Appends are retried
/// on transient errors: losing a status row to a network blip would otherwise stop a run that is doing fine.
/// </summary>
internal sealed partial class BackfillStore(
    ClickHouseConnectionFactory connections,
    SqlScripts scripts,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<BackfillStore> logger)
{
    private const int AppendAttempts = 5;

    private static readonly string[] RunColumns =
    [
        "run_id", "revision", "state", "mode", "started_at", "finished_at", "heartbeat_at", "active_ms", "owner",
        "workers", "batch_fills", "wallet_range", "request", "settings", "baseline_run_id", "fills_part_marks",
        "resolutions_part_marks", "error",
    ];

    private static readonly string[] BatchColumns =
    [
        "run_id", "batch_no", "revision", "first_wallet", "last_wallet", "wallets", "fills", "state", "attempts",
        "retries", "lots_version", "rows_written", "duration_ms", "started_at", "finished_at", "error",
    ];

    private readonly RetryBackoff backoff = new(options.Value.RetryBaseDelay);

    public Task AppendRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        AppendAsync("{{Runs}}", RunColumns, [RunValues(run)], cancellationToken);

    public Task AppendBatchesAsync(IReadOnlyCollection<BatchRecord> batches, CancellationToken cancellationToken) =>
        batches.Count == 0 ? Task.CompletedTask
            : AppendAsync("{{Batches}}", BatchColumns, batches.Select(BatchValues).ToList(), cancellationToken);

    /// <summary>The newest runs first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            scripts.Get("Backfill/list_runs.sql"), QueryParameters.From(new { runId = "", limit = (uint)Math.Max(limit, 0) }),
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredRun()).ToList();
    }

    public async Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            scripts.Get("Backfill/list_runs.sql"), QueryParameters.From(new { runId, limit = 1u }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredRun()).FirstOrDefault();
    }

    /// <summary>Every run whose newest row is in one of <paramref name="states"/>, newest first, without a depth limit.</summary>
    public async Task<IReadOnlyList<RunStatus>> ListRunsInStatesAsync(IEnumerable<RunState> states,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunStatusRow>(new CommandDefinition(
            scripts.Get("Backfill/runs_in_states.sql"),
            QueryParameters.From(new { states = states.Select(s => s.ToString()).ToArray() }),
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStatus()).ToList();
    }

    /// <summary>The newest completed run over exactly <paramref name="wallets"/>, however old; null when there is none.</summary>
    public async Task<StoredRun?> FindNewestCompletedRunAsync(WalletRange wallets, CancellationToken cancellationToken)
    {
        // Runs over other ranges (e.g. on other machines) may have completed many times since.
        var newest = (await ListRunsInStatesAsync([RunState.Completed], cancellationToken)).FirstOrDefault(r => r.Wallets == wallets);
        return newest is null ? null : await GetRunAsync(newest.RunId, cancellationToken);
    }

    /// <summary>Every batch of the run as its newest record, in batch order.</summary>
    public async Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BatchRow>(new CommandDefinition(
            scripts.Get("Backfill/list_batches.sql"), QueryParameters.From(new { runId }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Drops the staged wallet set, copied fills and copied open lots of a run that will never execute again.</summary>
    public async Task ForgetStagedWalletsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var statement in scripts.GetStatements("Backfill/forget_run_wallets.sql"))
            await connection.ExecuteAsync(new CommandDefinition(statement, QueryParameters.From(new { runId }), cancellationToken: cancellationToken));
    }

    /// <summary>The highest lots version committed so far (0 when none).</summary>
    public async Task<ulong> LatestLotsVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<ulong>(new CommandDefinition(
            scripts.Get("Backfill/latest_lots_version.sql"), cancellationToken: cancellationToken));
    }

    private async Task AppendAsync(string tableToken, string[] columns, IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var table = scripts.Render(tableToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var client = await connections.GetClientAsync(cancellationToken);
                await client.InsertBinaryAsync(table, columns, rows!, new InsertOptions { UseSchemaCache = true },
                    cancellationToken);
                return;
            }
            // A bookkeeping row is tiny: a timeout or a memory limit here is the server's state, not the row's, so
            // anything but a permanent error is worth another try.
            catch (Exception e) when (attempt < AppendAttempts && !cancellationToken.IsCancellationRequested
                                      && FailureClassifier.Classify(e) != FailureKind.Permanent)
            {
                var delay = backoff.DelayAfter(attempt);
                LogAppendRetry(e, table, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static object?[] RunValues(RunRecord r) =>
    [
        r.RunId, r.Revision, r.State.ToString(), r.Mode.ToString(), r.StartedAt.UtcDateTime, r.FinishedAt?.UtcDateTime,
        r.HeartbeatAt.UtcDateTime, (ulong)Math.Max(0, r.Active.TotalMilliseconds), r.Owner, (ushort)r.Workers,
        (ulong)r.BatchFills, r.Wallets.ToString(), BookkeepingJson.Write(r.Request), BookkeepingJson.Write(r.Settings),
        r.BaselineRunId ?? "", r.Marks.FillsParts, r.Marks.ResolutionsParts, r.Error ?? "",
    ];

    private static object?[] BatchValues(BatchRecord b) =>
    [
        b.RunId, (uint)b.BatchNo, b.Revision, b.Span.FirstWallet, b.Span.LastWallet, (ulong)b.Span.Wallets,
        (ulong)b.Span.Fills, b.State.ToString(), (uint)b.Attempts, (uint)b.Retries, b.LotsVersion,
        (ulong)b.RowsWritten, b.Duration is { } d ? (ulong?)Math.Max(0, d.TotalMilliseconds) : null,
        b.StartedAt?.UtcDateTime, b.FinishedAt?.UtcDateTime, b.Error ?? "",
    ];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing to {Table} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogAppendRetry(Exception exception, string table, int attempt, TimeSpan delay);

    /// <summary>A row of list_runs.sql.</summary>
    private sealed class RunRow
    {
        public string RunId { get; init; } = "";
        public ulong Revision { get; init; }
        public string State { get; init; } = "";
        public string Mode { get; init; } = "";
        public DateTime StartedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public DateTime HeartbeatAt { get; init; }
        public ulong ActiveMs { get; init; }
        public string Owner { get; init; } = "";
        public ushort Workers { get; init; }
        public ulong BatchFills { get; init; }
        public string WalletRange { get; init; } = "";
        public string Request { get; init; } = "";
        public string Settings { get; init; } = "";
        public string BaselineRunId { get; init; } = "";
        public string FillsPartMarks { get; init; } = "";
        public string ResolutionsPartMarks { get; init; } = "";
        public string Error { get; init; } = "";
        public ulong BatchesTotal { get; init; }
        public ulong BatchesDone { get; init; }
        public ulong BatchesFailed { get; init; }
        public ulong WalletsTotal { get; init; }
        public ulong WalletsDone { get; init; }
        public ulong FillsTotal { get; init; }
        public ulong FillsDone { get; init; }
        public ulong FillsFailed { get; init; }
        public ulong RowsWritten { get; init; }
        public ulong Retries { get; init; }

        public StoredRun ToStoredRun()
        {
            var record = new RunRecord(RunId, Revision, Enum.Parse<RunState>(State), Enum.Parse<BackfillMode>(Mode),
                Utc(StartedAt), FinishedAt is { } f ? Utc(f) : null, Utc(HeartbeatAt), TimeSpan.FromMilliseconds(ActiveMs),
                Owner, Workers, (long)BatchFills, Core.Backfill.WalletRange.Parse(WalletRange),
                BookkeepingJson.Read<BackfillRequest>(Request, "request of run " + RunId),
                BookkeepingJson.Read<Dictionary<string, string>>(Settings, "settings of run " + RunId),
                BaselineRunId.Length == 0 ? null : BaselineRunId,
                new HighWaterMarks(FillsPartMarks, ResolutionsPartMarks),
                Error.Length == 0 ? null : Error);
            var totals = new RunTotals((int)BatchesTotal, (int)BatchesDone, (int)BatchesFailed, (long)WalletsTotal,
                (long)WalletsDone, (long)FillsTotal, (long)FillsDone, (long)FillsFailed, (long)RowsWritten, (int)Retries);
            return new StoredRun(record, totals);
        }
    }

    /// <summary>A row of runs_in_states.sql.</summary>
    private sealed class RunStatusRow
    {
        public string RunId { get; init; } = "";
        public string State { get; init; } = "";
        public string WalletRange { get; init; } = "";
        public string Owner { get; init; } = "";
        public DateTime HeartbeatAt { get; init; }
        public DateTime StartedAt { get; init; }

        public RunStatus ToStatus() => new(RunId, Enum.Parse<RunState>(State), Core.Backfill.WalletRange.Parse(WalletRange),
            Owner, Utc(HeartbeatAt), Utc(StartedAt));
    }

    /// <summary>A row of list_batches.sql.</summary>
    private sealed class BatchRow
    {
        public string RunId { get; init; } = "";
        public uint BatchNo { get; init; }
        public ulong Revision { get; init; }
        public string FirstWallet { get; init; } = "";
        public string LastWallet { get; init; } = "";
        public ulong Wallets { get; init; }
        public ulong Fills { get; init; }
        public string State { get; init; } = "";
        public uint Attempts { get; init; }
        public uint Retries { get; init; }
        public ulong LotsVersion { get; init; }
        public ulong RowsWritten { get; init; }
        public ulong? DurationMs { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public string Error { get; init; } = "";

        public BatchRecord ToRecord() => new(RunId, (int)BatchNo, Revision,
            new WalletSpan(FirstWallet, LastWallet, (long)Wallets, (long)Fills), Enum.Parse<BatchState>(State),
            (int)Attempts, (int)Retries, LotsVersion, (long)RowsWritten,
            DurationMs is { } d ? TimeSpan.FromMilliseconds(d) : null,
            StartedAt is { } s ? Utc(s) : null, FinishedAt is { } f ? Utc(f) : null,
            Error.Length == 0 ? null : Error);
    }
}
