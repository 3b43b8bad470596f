using System.Diagnostics;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.Utility;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClickHouseConnectionFactory = Fifo.ClickHouse.Connection.ClickHouseConnectionFactory;

namespace Fifo.ClickHouse.Engine;

/// <summary>
/// The SQL FIFO engine: computes the spec's lots inside ClickHouse (Sql/Fifo/compute_lots.sql) for a range of
/// wallets and commits them under a new version. A batch writes its lots first — computed whole from the fills, or for
/// an incremental run's carried wallets continued from their open lots (docs/incremental.md) — then one wallet-summary
/// row per wallet, which makes that version visible in the deduplicated view. A batch that fails or is killed before
/// that last statement leaves only invisible rows, so retrying it is always safe.
/// </summary>
public sealed partial class FifoSqlEngine
{
    private readonly ClickHouseConnectionFactory connections;
    private readonly IOptions<FifoOptions> fifoOptions;
    private readonly ILogger<FifoSqlEngine> logger;
    private readonly LotStatements statements;

    public FifoSqlEngine(
        ClickHouseConnectionFactory connections, SqlScripts scripts, IOptions<FifoOptions> fifoOptions, ILogger<FifoSqlEngine> logger)
    {
        this.connections = connections;
        this.fifoOptions = fifoOptions;
        this.logger = logger;
        statements = new LotStatements(scripts);
    }

    /// <summary>A full run's batch: every wallet of the range (see the overload with <c>walletSetRunId</c>).</summary>
    public Task<BatchResult> ComputeBatchAsync(
        string firstWallet, string lastWallet, ulong version, string runId, IReadOnlyDictionary<string, string> settings,
        string? queryId, CancellationToken cancellationToken) =>
        ComputeBatchAsync(firstWallet, lastWallet, version, runId, settings, queryId, walletSetRunId: null, cancellationToken);

    /// <summary>
    /// Computes the lots of the wallets in [<paramref name="firstWallet"/>, <paramref name="lastWallet"/>] (both
    /// inclusive, ordinal string order) and commits them under <paramref name="version"/>.
    /// </summary>
    /// <param name="version">Lots version; must be greater than every version already committed for these wallets
    /// and new for every attempt, so a retried batch never mixes with an earlier try.</param>
    /// <param name="runId">Recorded with the wallet summary rows.</param>
    /// <param name="settings">ClickHouse settings for the statements that compute, check and commit the lots (they win
    /// over the engine's defaults); the fill count before them runs with the server's.</param>
    /// <param name="queryId">ClickHouse query id of those statements, to KILL the batch; null = generated.</param>
    /// <param name="walletSetRunId">Incremental runs: only the range's wallets staged in RunWallets under this run id.</param>
    /// <exception cref="ArgumentException">Empty or reversed range, or a version of 0.</exception>
    /// <exception cref="WalletFillsChangedException">A one-wallet batch's fills changed while it ran; nothing was
    /// committed, and trying again is safe.</exception>
    public async Task<BatchResult> ComputeBatchAsync(
        string firstWallet, string lastWallet, ulong version, string runId, IReadOnlyDictionary<string, string> settings,
        string? queryId, string? walletSetRunId, CancellationToken cancellationToken)
    {
        ValidateRange(firstWallet, lastWallet);
        if (version == 0)
            throw new ArgumentException("The lots version must be greater than 0.", nameof(version));
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(settings);

        var stopwatch = Stopwatch.StartNew();
        var walletSet = walletSetRunId ?? "";
        var querySettings = EngineQuerySettings.For(settings);
        await using var connection = await connections.OpenAsync(cancellationToken);

        var workload = await ReadWorkloadAsync(connection, firstWallet, lastWallet, walletSet, version, cancellationToken);
        if (walletSet.Length == 0 || workload.WholeWallets > 0)
            await InsertWholeLotsAsync(connection, firstWallet, lastWallet, walletSet, version, querySettings, queryId, cancellationToken);
        if (workload.CarriedWallets > 0)
        {
            await ExecuteForVersionAsync(statements.CopyCarriedOpenLots);
            await ExecuteAsync(connection, statements.InsertCarriedLots, querySettings, queryId, command =>
            {
                AddRangeParameters(command, firstWallet, lastWallet, walletSet);
                AddComputeParameters(command, version, includeOpen: true);
            }, cancellationToken);
            await ExecuteForVersionAsync(statements.MarkCarriedPositions);
            await ExecuteForVersionAsync(statements.ReplaceDustyLots);
        }

        var wallets = await ExecuteForVersionAsync(statements.CommitWallets, command => command.AddParameter("run_id", runId));

        var lots = Convert.ToInt64(await connection.ExecuteScalarAsync(new CommandDefinition(statements.LotsWritten,
            QueryParameters.From(new { first = firstWallet, last = lastWallet, version }), cancellationToken: cancellationToken)));
        var result = new BatchResult(lots, wallets, (long)(workload.WholeRows + workload.CarriedRows), stopwatch.Elapsed);
        LogBatch(firstWallet, lastWallet, version, result.RowsWritten, result.Wallets, result.FillsRead, result.Elapsed.TotalMilliseconds);
        return result;

        // A statement on the batch's wallets and version (the carried steps' and the commit).
        Task<long> ExecuteForVersionAsync(string sql, Action<ClickHouseCommand>? addParameters = null) =>
            ExecuteAsync(connection, sql, querySettings, queryId, command =>
            {
                AddRangeParameters(command, firstWallet, lastWallet, walletSet);
                command.AddParameter("version", version);
                addParameters?.Invoke(command);
            }, cancellationToken);
    }

    /// <summary>
    /// Computes the lots of the range's wallets that are computed whole (all of them but an incremental run's carried
    /// ones) from all their fills.
    /// </summary>
    private async Task InsertWholeLotsAsync(ClickHouseConnection connection, string firstWallet, string lastWallet,
        string walletSet, ulong version, IReadOnlyDictionary<string, string> querySettings, string? queryId,
        CancellationToken cancellationToken)
    {
        var oneWallet = firstWallet == lastWallet;
        var repeatsFillIds = oneWallet && await RepeatsFillIdsAsync(connection, firstWallet, querySettings, queryId, cancellationToken);
        var insert = oneWallet ? statements.InsertOneWalletLots(repeatsFillIds) : statements.InsertLots;
        await ExecuteAsync(connection, insert, querySettings, queryId, command =>
        {
            AddRangeParameters(command, firstWallet, lastWallet, walletSet);
            AddComputeParameters(command, version, includeOpen: true);
        }, cancellationToken);
        // Asked again before committing: a fill_id repeated by rows that arrived after the first answer may have been
        // read by the insert, which then counted two versions of it.
        if (oneWallet && !repeatsFillIds && await RepeatsFillIdsAsync(connection, firstWallet, querySettings, queryId, cancellationToken))
            throw new WalletFillsChangedException(firstWallet);
    }

    /// <summary>What the batch computes whole and carries forward (batch_fills.sql); read with the server's settings.</summary>
    private async Task<BatchWorkload> ReadWorkloadAsync(ClickHouseConnection connection, string firstWallet,
        string lastWallet, string walletSet, ulong version, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<BatchWorkload>(new CommandDefinition(statements.BatchWorkload,
            QueryParameters.From(new { first = firstWallet, last = lastWallet, wallet_set = walletSet, version }),
            cancellationToken: cancellationToken));

    private sealed class BatchWorkload
    {
        public ulong WholeWallets { get; init; }
        public ulong WholeRows { get; init; }
        public ulong CarriedWallets { get; init; }
        public ulong CarriedRows { get; init; }
    }

    /// <summary>
    /// One wallet's lots computed now by the SQL engine, open lots included (they are never stored), ordered by
    /// position and entry. Nothing is written. The differential tests compare it with the reference engine, open lots
    /// included; the wallet spot-check recomputes with the reference engine instead (no query on the engine's path).
    /// </summary>
    /// <exception cref="ArgumentException">Not a wallet address.</exception>
    public async Task<IReadOnlyList<LotRow>> ComputeWalletLotsAsync(string wallet, CancellationToken cancellationToken)
    {
        var normalized = WalletAddress.Normalize(wallet);
        var settings = EngineQuerySettings.For(new Dictionary<string, string>());
        await using var connection = await connections.OpenAsync(cancellationToken);
        var repeatsFillIds = await RepeatsFillIdsAsync(connection, normalized, settings, queryId: null, cancellationToken);
        var lots = await ReadWalletLotsAsync(connection, normalized, settings, repeatsFillIds, cancellationToken);
        // As for a batch: rows that arrived meanwhile may repeat a fill_id the read counted twice; read again with the
        // second read.
        if (!repeatsFillIds && await RepeatsFillIdsAsync(connection, normalized, settings, queryId: null, cancellationToken))
            lots = await ReadWalletLotsAsync(connection, normalized, settings, repeatsFillIds: true, cancellationToken);
        return lots;
    }

    private async Task<List<LotRow>> ReadWalletLotsAsync(
        ClickHouseConnection connection, string wallet, IReadOnlyDictionary<string, string> settings, bool repeatsFillIds,
        CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, statements.ReadWalletLots(repeatsFillIds), settings, queryId: null);
        AddRangeParameters(command, wallet, wallet, walletSet: "");
        AddComputeParameters(command, version: 0, includeOpen: true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parse = reader.GetRowParser<LotRow>();
        var lots = new List<LotRow>();
        while (await reader.ReadAsync(cancellationToken))
            lots.Add(parse(reader));
        return lots;
    }

    /// <summary>Whether the wallet's fill rows repeat a fill_id (wallet_repeats_fill_ids.sql).</summary>
    private async Task<bool> RepeatsFillIdsAsync(
        ClickHouseConnection connection, string wallet, IReadOnlyDictionary<string, string> settings, string? queryId,
        CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, statements.WalletRepeatsFillIds, settings, queryId);
        command.AddParameter("wallet", wallet);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static ClickHouseCommand CreateCommand(
        ClickHouseConnection connection, string sql, IReadOnlyDictionary<string, string> settings, string? queryId)
    {
        var command = connection.CreateCommand(sql);
        if (queryId is not null)
            command.QueryId = queryId;
        foreach (var (name, value) in settings)
            command.CustomSettings[name] = value;
        return command;
    }

    private static async Task<long> ExecuteAsync(
        ClickHouseConnection connection, string sql, IReadOnlyDictionary<string, string> settings, string? queryId,
        Action<ClickHouseCommand> addParameters, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, sql, settings, queryId);
        addParameters(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return command.QueryStats?.WrittenRows ?? 0;
    }

    private static void AddRangeParameters(ClickHouseCommand command, string first, string last, string walletSet)
    {
        command.AddParameter("first", first);
        command.AddParameter("last", last);
        command.AddParameter("wallet_set", walletSet);
    }

    private void AddComputeParameters(ClickHouseCommand command, ulong version, bool includeOpen)
    {
        command.AddParameter("version", version);
        command.AddParameter("dust", fifoOptions.Value.DustTokens);
        command.AddParameter("max_abs_usdc", CountedFills.MaxAbsUsdcDelta);
        command.AddParameter("payout_pattern", PayoutParser.Pattern);
        command.AddParameter("number_pattern", PayoutParser.NumberPattern);
        command.AddParameter("order_id_pattern", OrderIdParser.Pattern);
        command.AddParameter("include_open", includeOpen);
    }

    private static void ValidateRange(string firstWallet, string lastWallet)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstWallet);
        ArgumentException.ThrowIfNullOrEmpty(lastWallet);
        if (string.CompareOrdinal(firstWallet, lastWallet) > 0)
            throw new ArgumentException(
                $"The wallet range is reversed: first '{firstWallet}' sorts after last '{lastWallet}'.", nameof(firstWallet));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Lots of wallets [{FirstWallet}, {LastWallet}] committed as version {Version}: {RowsWritten} lots, {Wallets} wallets, {FillsRead} fills in {ElapsedMs:F0} ms")]
    private partial void LogBatch(string firstWallet, string lastWallet, ulong version, long rowsWritten, long wallets, long fillsRead, double elapsedMs);
}
