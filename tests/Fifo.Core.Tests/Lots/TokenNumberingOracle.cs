using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.Core.Tests.Lots;

/// <summary>
/// The spec's matching rule taken literally, independent of the engine's inventory queue: number bought and sold
/// micro-tokens 0, 1, 2, … in fill order, pair bought token k with sold token k, and let the earlier fill of each pair
/// open the lot. Done with intervals of token numbers (quadratic per position, fine for generated sizes).
/// </summary>
internal static class TokenNumberingOracle
{
    public sealed record ExpectedLot(LotKey Key, long MicroTokens, long ClosedMicroTokens, double ClosedValue, DateTime? ExitTime);

    private sealed record Leg(Fill Fill, int Order, long First, long Count, double Price);

    public static IReadOnlyList<ExpectedLot> Lots(IEnumerable<Fill> rawFills)
    {
        var expected = new List<ExpectedLot>();
        foreach (var position in CountedFills.Select(rawFills).GroupBy(PositionKey.Of))
        {
            var ordered = position.Order(FillOrder.Instance).ToList();
            var buys = Legs(ordered, buy: true);
            var sells = Legs(ordered, buy: false);
            expected.AddRange(OpenedBy(buys, sells, isShort: false));
            expected.AddRange(OpenedBy(sells, buys, isShort: true));
        }
        return expected;
    }

    private static List<Leg> Legs(List<Fill> ordered, bool buy)
    {
        var legs = new List<Leg>();
        long next = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var fill = ordered[i];
            if (fill.TokensDelta > 0 != buy) continue;
            var count = MicroTokens.FromTokens(fill.TokensDelta);
            legs.Add(new Leg(fill, i, next, count, Math.Abs(fill.UsdcDelta) / Math.Abs(fill.TokensDelta)));
            next += count;
        }
        return legs;
    }

    /// <summary>Lots opened by <paramref name="sides"/>: tokens paired with a later opposite fill, plus unpaired tokens.</summary>
    private static IEnumerable<ExpectedLot> OpenedBy(List<Leg> sides, List<Leg> opposites, bool isShort)
    {
        var oppositeTotal = opposites.Sum(o => o.Count);
        foreach (var leg in sides)
        {
            long opened = 0, closed = 0;
            var closedValue = 0.0;
            DateTime? exit = null;
            foreach (var other in opposites)
            {
                var overlap = Math.Min(leg.First + leg.Count, other.First + other.Count) - Math.Max(leg.First, other.First);
                if (overlap <= 0 || other.Order < leg.Order) continue;
                opened += overlap;
                closed += overlap;
                closedValue += MicroTokens.ToTokens(overlap) * other.Price;
                exit = other.Fill.EventTime;
            }
            opened += Math.Max(0, leg.First + leg.Count - Math.Max(leg.First, oppositeTotal));
            if (opened > 0)
            {
                var f = leg.Fill;
                yield return new ExpectedLot(new LotKey(f.Wallet, f.ConditionId, f.OutcomeIndex, f.FillId, isShort), opened, closed, closedValue, exit);
            }
        }
    }
}
