using System.Globalization;
using ClickHouse.Driver;
using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Engine;
using Fifo.ClickHouse.Schema;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>
/// A migrated test database with the SQL engine: writes source rows, runs batches, and reads back what the product
/// shows (the deduplicated view and the wallet summary).
/// </summary>
internal sealed class EngineDatabase : IAsyncDisposable
{
    /// <summary>Sorts before every wallet address.</summary>
    public const string First = "0x";

    /// <summary>Sorts after every lower-case wallet address.</summary>
    public const string Last = "0xg";

    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    /// <summary>Versions are unique in the process, so databases shared by several test instances never see one twice.</summary>
    private static long lastVersion;

    private EngineDatabase(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public FifoSqlEngine Engine => Services.GetRequiredService<FifoSqlEngine>();

    /// <param name="fifo">The engine's Fifo options (configured as Fifo:*); null = the defaults.</param>
    public static async Task<EngineDatabase> CreateAsync(ClickHouseTestDatabase db, FifoOptions? fifo = null)
    {
        var configuration = db.CreateConfiguration(fifo is null ? null :
        [
            new($"{FifoOptions.Section}:{nameof(FifoOptions.DustTokens)}", fifo.DustTokens.ToString("R", CultureInfo.InvariantCulture)),
        ]);
        var services = db.CreateServices((s, c) => s.AddFifoClickHouse(c).AddFifoSqlEngine(), configuration);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        return new EngineDatabase(services);
    }

    /// <summary>The Fifo options the SQL engine runs with.</summary>
    public FifoOptions Options => Services.GetRequiredService<IOptions<FifoOptions>>().Value;

    /// <summary>
    /// The reference engine's lots for <paramref name="scenario"/>: closed and resolved ones unless asked for all.
    /// <paramref name="options"/>: as the SQL engine's (<see cref="Options"/>); null = the defaults.
    /// </summary>
    public static IReadOnlyList<LotRow> Reference(FifoScenario scenario, bool includeOpen = false, FifoOptions? options = null) =>
        FifoReferenceEngine.Compute(scenario.Fills, ResolutionSelector.Select(scenario.Resolutions).Payouts, options ?? new FifoOptions())
            .Where(l => includeOpen || l.Status != LotStatus.Open)
            .ToList();

    public async Task InsertAsync(FifoScenario scenario)
    {
        await InsertFillsAsync(scenario.Fills);
        await InsertResolutionsAsync(scenario.Resolutions);
    }

    public async Task InsertFillsAsync(IEnumerable<Fill> fills) =>
        await SourceRowWriter.InsertFillsAsync(await ClientAsync(), Render("{{Fills}}"), fills);

    public async Task InsertResolutionsAsync(IEnumerable<Resolution> rows) =>
        await SourceRowWriter.InsertResolutionsAsync(await ClientAsync(), Render("{{Resolutions}}"), rows);

    /// <summary>A version above every earlier one, as the orchestrator hands them out.</summary>
    public static ulong NextVersion() => (ulong)Interlocked.Increment(ref lastVersion);

    public Task<BatchResult> ComputeAsync(string first = First, string last = Last, string? walletSetRunId = null) =>
        Engine.ComputeBatchAsync(first, last, NextVersion(), "test-run", NoSettings, queryId: null, walletSetRunId, CancellationToken.None);

    /// <summary>The deduplicated view, as LotRows, in key order.</summary>
    public async Task<IReadOnlyList<LotRow>> ReadViewAsync(string? wallet = null)
    {
        await using var connection = await OpenAsync();
        var filter = wallet is null ? "" : "WHERE wallet = {wallet:String}";
        var rows = await connection.QueryAsync<LotRow>(Render(LotRowColumns.Select + "\nFROM {{LotsDeduped}}\n" + filter + """

            ORDER BY wallet, condition_id, outcome_index, tx_hash, is_short
            """), QueryParameters.From(new { wallet = wallet ?? "" }));
        return rows.AsList();
    }

    /// <summary>The newest summary row of each wallet.</summary>
    public async Task<IReadOnlyList<WalletSummaryRow>> ReadSummariesAsync()
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<WalletSummaryRow>(Render("""
            SELECT wallet AS Wallet, _version AS Version, run_id AS RunId, positions AS Positions, lots AS Lots,
                   resolved_lots AS ResolvedLots, closed_lots AS ClosedLots, wins AS Wins, total_pnl AS TotalPnl,
                   total_cost AS TotalCost, volume_usd AS VolumeUsd, first_trade AS FirstTrade, last_trade AS LastTrade
            FROM {{WalletSummary}}
            ORDER BY wallet, _version DESC
            LIMIT 1 BY wallet
            """));
        return rows.AsList();
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.QuerySingleAsync<T>(Render(sql), parameters is null ? null : QueryParameters.From(parameters));
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(Render(sql), parameters is null ? null : QueryParameters.From(parameters));
    }

    public string Render(string sql) => Services.GetRequiredService<SqlScripts>().Render(sql);

    private Task<global::ClickHouse.Driver.ADO.ClickHouseConnection> OpenAsync() =>
        Services.GetRequiredService<ClickHouseConnectionFactory>().OpenAsync();

    private Task<ClickHouseClient> ClientAsync() => Services.GetRequiredService<ClickHouseConnectionFactory>().GetClientAsync();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
