using Dapper;
using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>A position's counted fills in the spec's order, and what it holds after them.</summary>
internal sealed record PositionState(PositionKey Key, IReadOnlyList<Fill> Fills)
{
    /// <summary>Bought minus sold micro-tokens: &gt; 0 open long tokens, &lt; 0 open short tokens.</summary>
    public long NetMicroTokens { get; } = Fills.Sum(f => Math.Sign(f.TokensDelta) * MicroTokens.FromTokens(f.TokensDelta));
}

/// <summary>
/// The source tables as they stand, read back whole (test databases are small), so that new rows can be made to
/// land where a scenario wants them: after or before given fills, closing exactly what a position holds, in markets
/// without a resolution. What counts is decided by Fifo.Core's own rules (<see cref="CountedFills"/>,
/// <see cref="ResolutionSelector"/>), the definitions both engines implement.
/// </summary>
internal sealed class SourceState
{
    private const string FillsSql = """
        SELECT fill_id AS FillId, tx_hash AS TxHash, toString(wallet) AS Wallet, condition_id AS ConditionId,
               outcome_index AS OutcomeIndex, tokens_delta AS TokensDelta, usdc_delta AS UsdcDelta,
               toTimeZone(event_time, 'UTC') AS EventTime, toString(source) AS Source, toBool(is_maker) AS IsMaker,
               toBool(is_self_fill) AS IsSelfFill, block_number AS BlockNumber, _version AS Version
        FROM pm_canonical_fills_v4_deduped
        """;

    private const string ResolutionsSql = """
        SELECT condition_id AS ConditionId, payout_numerators AS PayoutNumerators,
               payout_denominator AS PayoutDenominator, toTimeZone(resolved_at, 'UTC') AS ResolvedAt,
               toBool(is_deleted) AS IsDeleted, toTimeZone(insert_time, 'UTC') AS InsertTime
        FROM pm_condition_resolutions
        """;

    private SourceState(IReadOnlyList<Fill> rows, IReadOnlyList<Resolution> resolutions)
    {
        MaxVersion = rows.Max(f => f.Version);
        MaxBlock = rows.Max(f => f.BlockNumber);
        LastEventTime = rows.Max(f => f.EventTime);
        LastResolutionInsert = resolutions.Select(r => r.InsertTime).DefaultIfEmpty(DateTime.MinValue).Max();
        Payouts = ResolutionSelector.Select(resolutions).Payouts;
        var counted = CountedFills.Select(rows);
        Positions = counted.GroupBy(PositionKey.Of)
            .Select(g => new PositionState(g.Key, g.Order(FillOrder.Instance).ToList()))
            .OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .ToList();
        Wallets = Positions.Select(p => p.Key.Wallet).Distinct().Order(StringComparer.Ordinal).ToList();
        var withResolutionRow = resolutions.Where(r => !r.IsDeleted).Select(r => r.ConditionId).ToHashSet();
        UnresolvedMarkets = counted.Select(f => f.ConditionId).Distinct().Where(c => !withResolutionRow.Contains(c))
            .Order(StringComparer.Ordinal).ToList();
        unresolved = UnresolvedMarkets.ToHashSet(StringComparer.Ordinal);
        outcomes = rows.GroupBy(f => f.ConditionId).ToDictionary(g => g.Key, g => g.Max(f => f.OutcomeIndex) + 1);
    }

    private readonly Dictionary<string, int> outcomes;
    private readonly HashSet<string> unresolved;

    public ulong MaxVersion { get; }
    public ulong MaxBlock { get; }
    public DateTime LastEventTime { get; }
    public DateTime LastResolutionInsert { get; }
    /// <summary>The current payout of every resolved condition.</summary>
    public IReadOnlyDictionary<string, ConditionPayout> Payouts { get; }

    /// <summary>Every position with counted fills, in key order.</summary>
    public IReadOnlyList<PositionState> Positions { get; }

    /// <summary>Wallets with counted fills.</summary>
    public IReadOnlyList<string> Wallets { get; }

    /// <summary>Traded markets without any resolution row that is not deleted: nothing pays them out yet.</summary>
    public IReadOnlyList<string> UnresolvedMarkets { get; }

    public static async Task<SourceState> ReadAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<Fill>(FillsSql)).Select(AsUtc).ToList();
        var resolutions = (await connection.QueryAsync<Resolution>(ResolutionsSql)).Select(AsUtc).ToList();
        return new SourceState(rows, resolutions);
    }

    /// <summary>Outcome tokens of a market: as many as its payout names, else one beyond the highest traded (at least 2).</summary>
    public int OutcomeCount(string conditionId) =>
        Math.Max(2, Payouts.TryGetValue(conditionId, out var payout)
            ? payout.Numerators.Count
            : outcomes.GetValueOrDefault(conditionId));

    public bool IsUnresolved(string conditionId) => unresolved.Contains(conditionId);

    private static Fill AsUtc(Fill fill) => fill with { EventTime = DateTime.SpecifyKind(fill.EventTime, DateTimeKind.Utc) };

    private static Resolution AsUtc(Resolution row) => row with
    {
        ResolvedAt = DateTime.SpecifyKind(row.ResolvedAt, DateTimeKind.Utc),
        InsertTime = DateTime.SpecifyKind(row.InsertTime, DateTimeKind.Utc),
    };
}
