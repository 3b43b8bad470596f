using System.Globalization;
using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.Testing.Generators;

/// <summary>
/// Turns a plan into rows. Deterministic: amounts that depend on holdings ("sell half of what is held") are resolved
/// here by following the counted fills, and fill_ids get a running number so they are unique within the scenario.
/// </summary>
internal static class ScenarioMaterializer
{
    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] NonClobSources = ["ctf_token", "ctf_cash", "negrisk"];

    public static List<Fill> Fills(ScenarioPlan plan)
    {
        var fills = new List<Fill>();
        var number = 0;
        foreach (var position in plan.Positions)
        {
            var wallet = plan.Wallets[position.WalletIndex];
            var condition = plan.Conditions[position.ConditionIndex];
            // Where moved versions of this position's fills go: the other outcome, of the next condition if there is one.
            var elsewhere = (Condition: plan.Conditions[(position.ConditionIndex + 1) % plan.Conditions.Count],
                             Outcome: (byte)(position.OutcomeIndex == 0 ? 1 : 0));
            var time = Epoch.AddDays(plan.BaseDay).AddSeconds(position.StartSecond);
            long holdings = 0;
            foreach (var trade in position.Trades)
            {
                time = time.AddSeconds(trade.SecondsAfterPrevious);
                var signedMicro = SignedMicroTokens(trade, holdings, position.AmountScale);
                var tokens = signedMicro / MicroTokens.PerToken;
                var usdc = -Math.Round(tokens * trade.Price, 6);
                var tx = Hex64(trade.Salt, ++number);
                var fill = new Fill(
                    FillId: ClobFillId(tx, trade.Salt, number, trade.IsMaker),
                    TxHash: "0x" + tx, Wallet: wallet, ConditionId: condition, OutcomeIndex: position.OutcomeIndex,
                    TokensDelta: tokens, UsdcDelta: usdc, EventTime: time, Source: CountedFills.ClobSource,
                    IsMaker: trade.IsMaker, IsSelfFill: false, BlockNumber: (ulong)(time - Epoch).TotalSeconds / 2, Version: 1);
                if (trade.Extra != RowExtra.NewestVersionNotCounted)
                    holdings += signedMicro;
                AddWithExtra(fills, fill, trade, tx, ++number, elsewhere);
            }
        }
        return fills;
    }

    /// <param name="scale">The position's <see cref="PositionPlan.AmountScale"/>. Dust stays dust, so that a whale's
    /// positions also have lots of a few micro-tokens next to billions of USD of volume.</param>
    private static long SignedMicroTokens(TradePlan trade, long holdings, long scale) => trade.Kind switch
    {
        TradeKind.Buy => trade.MicroTokens * scale,
        TradeKind.Sell => -trade.MicroTokens * scale,
        TradeKind.SellPartOfHoldings when holdings > 1 => -Math.Max(1, holdings * trade.PartPercent / 100),
        TradeKind.SellAllHoldings when holdings > 0 => -holdings,
        TradeKind.CoverAllShorts when holdings < 0 => -holdings,
        TradeKind.Dust => (trade.Salt % 2 == 0 ? 1 : -1) * (1 + (long)(trade.Salt % 20_000)),
        TradeKind.CoverAllShorts => trade.MicroTokens * scale,
        _ => -trade.MicroTokens * scale,
    };

    /// <param name="number">A fresh running number for any extra row that needs a fill_id of its own.</param>
    /// <param name="elsewhere">Another position of the wallet, for versions of the fill that moved there.</param>
    private static void AddWithExtra(
        List<Fill> fills, Fill fill, TradePlan trade, string tx, int number, (string Condition, byte Outcome) elsewhere)
    {
        switch (trade.Extra)
        {
            case RowExtra.None:
                fills.Add(fill);
                break;
            case RowExtra.OlderVersionDiffers:
                fills.Add(fill with { Version = 2 });
                fills.Add(fill with { TokensDelta = fill.TokensDelta * 2, UsdcDelta = fill.UsdcDelta * 3, Version = 1 });
                break;
            case RowExtra.IdenticalCopy:
                fills.Add(fill);
                fills.Add(fill);
                break;
            case RowExtra.NewestVersionNotCounted:
                fills.Add(fill);
                fills.Add(fill with { Source = NonClobSources[number % NonClobSources.Length], Version = 2 });
                break;
            case RowExtra.SelfFill:
                fills.Add(fill with { IsMaker = false, IsSelfFill = true, FillId = ClobFillId(tx, trade.Salt, number - 1, isMaker: false) });
                fills.Add(fill with
                {
                    FillId = ClobFillId(tx, trade.Salt, number, isMaker: true),
                    TokensDelta = -fill.TokensDelta, UsdcDelta = -fill.UsdcDelta, IsMaker = true, IsSelfFill = true,
                });
                break;
            case RowExtra.NonClobTwin:
                fills.Add(fill);
                fills.Add(fill with
                {
                    FillId = string.Create(CultureInfo.InvariantCulture, $"{NonClobSources[number % 3]}_{fill.TxHash}_{number}"),
                    Source = NonClobSources[number % NonClobSources.Length], UsdcDelta = 0,
                });
                break;
            case RowExtra.ZeroWalletTwin:
                fills.Add(fill);
                fills.Add(fill with
                {
                    FillId = ClobFillId(tx, trade.Salt, number, !fill.IsMaker), Wallet = CountedFills.ZeroAddress,
                    TokensDelta = -fill.TokensDelta, UsdcDelta = -fill.UsdcDelta, IsMaker = !fill.IsMaker,
                });
                break;
            case RowExtra.SubMicroTokenTwin:
                fills.Add(fill);
                fills.Add(fill with
                {
                    FillId = ClobFillId(tx, trade.Salt, number, fill.IsMaker), TokensDelta = Math.Sign(fill.TokensDelta) * 4e-7, UsdcDelta = -Math.Sign(fill.TokensDelta) * 1e-7,
                });
                break;
            case RowExtra.OlderVersionsMoved:
                var olderVersions = 1 + (int)(trade.Salt % 3);
                fills.Add(fill with { Version = (ulong)olderVersions + 1 });
                for (var version = 1; version <= olderVersions; version++)
                    fills.Add(MovedOlderVersion(fill, version, placement: (int)((trade.Salt >> (8 * version)) % 4), elsewhere));
                break;
            case RowExtra.EqualVersionLowerBlock:
                fills.Add(fill with { BlockNumber = fill.BlockNumber + 1 });
                var twin = fill with
                {
                    EventTime = fill.EventTime.AddSeconds(1 + (int)(trade.Salt % 3)),
                    TokensDelta = fill.TokensDelta * 2, UsdcDelta = fill.UsdcDelta * 3,
                };
                fills.Add((trade.Salt >> 8) % 2 == 0 ? twin : twin with { ConditionId = elsewhere.Condition, OutcomeIndex = elsewhere.Outcome });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(trade), trade.Extra, "Unknown row extra.");
        }
    }

    /// <summary>
    /// Version <paramref name="version"/> of <paramref name="newest"/>, with other amounts, placed so that each of the
    /// SQL engine's ways of settling versions is reached: right after or right before the newest row (versions 1, 2, …
    /// outwards, so neighbours in time order, and with two or more a chain that pairwise comparisons get wrong), hours
    /// away (other fills between), or in another position.
    /// </summary>
    private static Fill MovedOlderVersion(Fill newest, int version, int placement, (string Condition, byte Outcome) elsewhere)
    {
        var older = newest with
        {
            TokensDelta = newest.TokensDelta * (version + 1), UsdcDelta = newest.UsdcDelta * (version + 2), Version = (ulong)version,
        };
        return placement switch
        {
            0 => older with { EventTime = newest.EventTime.AddSeconds(version) },
            1 => older with { EventTime = newest.EventTime.AddSeconds(-version) },
            2 => older with { EventTime = newest.EventTime.AddHours(version) },
            _ => older with { ConditionId = elsewhere.Condition, OutcomeIndex = elsewhere.Outcome },
        };
    }

    public static List<Resolution> Resolutions(ScenarioPlan plan)
    {
        var rows = new List<Resolution>();
        for (var c = 0; c < plan.Conditions.Count; c++)
        {
            var history = plan.ResolutionHistories[c];
            var inserted = Epoch.AddDays(plan.BaseDay + 5);
            Resolution? previous = null;
            foreach (var row in history)
            {
                // Oldest first; a row tied with the previous one is decided by docs/FIFO-RULES.md's tie-breaks.
                if (previous is null || row.Tie == ResolutionTie.None)
                    inserted = inserted.AddHours(1 + row.ResolvedDay % 48);
                var resolvedAt = previous is not null && row.Tie == ResolutionTie.SameInsertAndResolvedTime
                    ? previous.ResolvedAt
                    : Epoch.AddDays(plan.BaseDay + row.ResolvedDay % 30).AddSeconds(row.ResolvedDay * 37);
                previous = new Resolution(plan.Conditions[c], row.Numerators, PayoutDenominator: "1", resolvedAt, row.IsDeleted, inserted);
                rows.Add(previous);
            }
        }
        return rows;
    }

    /// <summary>The format of the spec's example, <c>clob_&lt;tx&gt;_&lt;order&gt;-m</c> (taker legs end in <c>-t</c>).</summary>
    private static string ClobFillId(string tx, ulong salt, int number, bool isMaker) =>
        string.Create(CultureInfo.InvariantCulture, $"clob_0x{tx}_0x{salt:x16}{number:x8}-{(isMaker ? "m" : "t")}");

    private static string Hex64(ulong salt, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{salt:x16}{(ulong)number * 0x9E3779B97F4A7C15UL:x16}{number:x32}");
}
