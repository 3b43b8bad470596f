using ClickHouse.Driver;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Reports;
using Fifo.ClickHouse.Schema;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Testing.ClickHouse;
using Fifo.Testing.Generators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Tests.Reports;

/// <summary>
/// A migrated test database with the report services, and writers for source rows and for stored lots. Stored lots
/// are the reference engine's (closed and resolved rows), written the way a backfill commits a wallet: lots under
/// a version, then one wallet-summary row with that version.
/// </summary>
internal sealed class ReportDatabase : IAsyncDisposable
{
    private static readonly string[] LotColumns =
    [
        "wallet", "condition_id", "outcome_index", "tx_hash", "order_id", "is_short", "is_maker", "entry_time",
        "exit_time", "tokens", "entry_price", "cost_usd", "tokens_sold_early", "tokens_held", "exit_value", "pnl_usd",
        "roi", "pct_sold_early", "payout_rate", "resolved_at", "is_closed", "_version",
    ];
    private static readonly string[] SummaryColumns =
    [
        "wallet", "_version", "run_id", "computed_at", "positions", "lots", "resolved_lots", "closed_lots", "wins",
        "total_pnl", "total_cost", "volume_usd", "first_trade", "last_trade",
    ];

    private ReportDatabase(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private TableNames Tables => Get<IOptions<TableNames>>().Value;

    public static async Task<ReportDatabase> CreateAsync(ClickHouseTestDatabase db, params (string Key, string Value)[] settings)
    {
        var configuration = db.CreateConfiguration(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        var services = db.CreateServices((s, c) => s.AddFifoClickHouse(c).AddFifoReports(), configuration);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        return new ReportDatabase(services);
    }

    public async Task InsertScenarioAsync(FifoScenario scenario)
    {
        await InsertFillsAsync(scenario.Fills);
        await InsertResolutionsAsync(scenario.Resolutions);
    }

    public async Task InsertFillsAsync(IEnumerable<Fill> fills) =>
        await SourceRowWriter.InsertFillsAsync(await Get<ClickHouseConnectionFactory>().GetClientAsync(), Tables.Fills, fills);

    public async Task InsertResolutionsAsync(IEnumerable<Resolution> rows) =>
        await SourceRowWriter.InsertResolutionsAsync(await Get<ClickHouseConnectionFactory>().GetClientAsync(), Tables.Resolutions, rows);

    /// <summary>The reference engine's stored rows (closed and resolved) for every wallet of the scenario.</summary>
    public static IReadOnlyList<LotRow> ReferenceStoredLots(FifoScenario scenario) =>
        FifoReferenceEngine.Compute(scenario.Fills, ResolutionSelector.Select(scenario.Resolutions).Payouts, new FifoOptions())
            .Where(l => l.Status != LotStatus.Open)
            .ToList();

    /// <summary>Commits <paramref name="lots"/> as one computation per wallet under <paramref name="version"/>.</summary>
    public async Task CommitLotsAsync(IEnumerable<LotRow> lots, ulong version, IEnumerable<string>? walletsWithoutLots = null)
    {
        var list = lots.ToList();
        await InsertLotsAsync(list, version);
        var summaries = list.GroupBy(l => l.Wallet)
            .Select(g => Summary(g.Key, version, g.ToList()))
            .Concat((walletsWithoutLots ?? []).Select(w => Summary(w, version, [])));
        await InsertSummariesAsync(summaries);
    }

    public Task InsertLotsAsync(IEnumerable<LotRow> lots, ulong version) => InsertAsync("{{Lots}}", LotColumns, lots.Select(l => new object?[]
    {
        l.Wallet, l.ConditionId, l.OutcomeIndex, l.TxHash, l.OrderId, SourceRowWriter.Flag(l.IsShort), SourceRowWriter.Flag(l.IsMaker), l.EntryTime,
        l.ExitTime, l.Tokens, l.EntryPrice, l.CostUsd, l.TokensSoldEarly, l.TokensHeld, l.ExitValue, l.PnlUsd, l.Roi,
        l.PctSoldEarly, l.PayoutRate, l.ResolvedAt, SourceRowWriter.Flag(l.IsClosed), version,
    }));

    public Task InsertSummariesAsync(IEnumerable<WalletSummaryRow> rows) => InsertAsync("{{WalletSummary}}", SummaryColumns, rows.Select(s => new object?[]
    {
        s.Wallet, s.Version, s.RunId, DateTime.UtcNow, s.Positions, s.Lots, s.ResolvedLots, s.ClosedLots, s.Wins,
        s.TotalPnl, s.TotalCost, s.VolumeUsd, s.FirstTrade, s.LastTrade,
    }));

    public static WalletSummaryRow Summary(string wallet, ulong version, IReadOnlyList<LotRow> lots) => new(
        wallet, version, RunId: "test",
        Positions: (uint)lots.Select(PositionKey.Of).Distinct().Count(),
        Lots: (uint)lots.Count,
        ResolvedLots: (uint)lots.Count(l => l.Status == LotStatus.Resolved),
        ClosedLots: (uint)lots.Count(l => l.Status == LotStatus.Closed),
        Wins: (uint)lots.Count(l => l.PnlUsd > 0),
        TotalPnl: lots.Sum(l => l.PnlUsd),
        TotalCost: lots.Sum(l => l.CostUsd),
        VolumeUsd: lots.Sum(l => l.CostUsd),
        FirstTrade: lots.Count == 0 ? DateTime.UnixEpoch : lots.Min(l => l.EntryTime),
        LastTrade: lots.Count == 0 ? DateTime.UnixEpoch : lots.Max(l => l.ExitTime ?? l.EntryTime));

    private async Task InsertAsync(string tableToken, string[] columns, IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
            return;
        var client = await Get<ClickHouseConnectionFactory>().GetClientAsync();
        await client.InsertBinaryAsync(Get<SqlScripts>().Render(tableToken), columns, list!, new InsertOptions());
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
