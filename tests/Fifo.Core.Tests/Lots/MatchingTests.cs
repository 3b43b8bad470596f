using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

/// <summary>The spec's "Matching": token k bought matched with token k sold, long and short lots, each fill's own price.</summary>
public sealed class MatchingTests
{
    private static readonly Dictionary<string, ConditionPayout> Wins = new() { [Condition] = new(Condition, [1, 0], At(10_000)) };
    private static readonly Dictionary<string, ConditionPayout> Unresolved = new();

    private static IReadOnlyList<LotRow> Compute(IReadOnlyDictionary<string, ConditionPayout> payouts, params Fill[] fills) =>
        FifoReferenceEngine.Compute(fills, payouts, new FifoOptions());

    [Fact]
    public void Each_buy_is_closed_at_its_own_sells_price_not_an_average()
    {
        var lots = Compute(Wins, Buy("a", 10, 0.5, 1), Buy("b", 10, 0.5, 2), Sell("s1", 10, 0.9, 3), Sell("s2", 10, 0.1, 4));

        LotAssert.Row(LotAssert.Single(lots, "a", false), false, tokens: 10, cost: 5, soldEarly: 10, held: 0, exit: 9, pnl: 4);
        LotAssert.Row(LotAssert.Single(lots, "b", false), false, tokens: 10, cost: 5, soldEarly: 10, held: 0, exit: 1, pnl: -4);
    }

    [Fact]
    public void Sell_before_a_buy_opens_a_short_instead_of_closing_the_later_buy()
    {
        var lots = Compute(Wins, Sell("s", 10, 0.7, 1), Buy("b", 10, 0.4, 2));

        var shortLot = Assert.Single(lots);
        // Short at 0.70 covered at 0.40: collateral 3, gain 3.
        LotAssert.Row(shortLot, true, tokens: 10, cost: 3, soldEarly: 10, held: 0, exit: 6, pnl: 3);
        Assert.Equal(("s", At(2)), (shortLot.TxHash, shortLot.ExitTime));
    }

    [Fact]
    public void Short_then_cover_over_several_buys_covers_the_oldest_short_first()
    {
        var lots = Compute(Unresolved, Sell("s1", 10, 0.6, 1), Sell("s2", 10, 0.8, 2), Buy("b1", 15, 0.5, 3), Buy("b2", 5, 0.3, 4));

        LotAssert.Row(LotAssert.Single(lots, "s1", true), true, tokens: 10, cost: 4, soldEarly: 10, held: 0, exit: 5, pnl: 1);
        // s2: 5 covered at 0.5, 5 at 0.3 -> 8 - 2.5 - 1.5 = 4.
        LotAssert.Row(LotAssert.Single(lots, "s2", true), true, tokens: 10, cost: 2, soldEarly: 10, held: 0, exit: 6, pnl: 4);
        Assert.Equal(2, lots.Count);
        Assert.All(lots, l => Assert.Equal(LotStatus.Closed, l.Status));
    }

    [Fact]
    public void One_fill_closes_lots_and_opens_one_of_its_own()
    {
        var lots = Compute(Wins, Buy("a", 10, 0.4, 1), Sell("big", 25, 0.6, 2), Buy("c", 5, 0.5, 3));

        LotAssert.Row(LotAssert.Single(lots, "a", false), false, tokens: 10, cost: 4, soldEarly: 10, held: 0, exit: 6, pnl: 2);
        // big opens a 15-token short at 0.6, 5 covered by c at 0.5, 10 still short at resolution (pays 1 each).
        var shortLot = LotAssert.Single(lots, "big", true);
        LotAssert.Row(shortLot, true, tokens: 15, cost: 6, soldEarly: 5, held: 10, exit: 6 + (9 - 2.5 - 10), pnl: 9 - 2.5 - 10);
        Assert.Equal(At(3), shortLot.ExitTime);
        Assert.Equal(2, lots.Count);
    }

    [Fact]
    public void Buy_that_covers_a_short_and_opens_a_long()
    {
        var lots = Compute(Wins, Sell("s", 20, 0.7, 1), Buy("b", 50, 0.4, 2));

        LotAssert.Row(LotAssert.Single(lots, "s", true), true, tokens: 20, cost: 6, soldEarly: 20, held: 0, exit: 12, pnl: 6);
        LotAssert.Row(LotAssert.Single(lots, "b", false), false, tokens: 30, cost: 12, soldEarly: 0, held: 30, exit: 30, pnl: 18);
    }

    [Fact]
    public void Partial_exit_keeps_the_rest_for_the_payout()
    {
        var lot = Assert.Single(Compute(Wins, Buy("a", 100, 0.3, 1), Sell("s", 40, 0.5, 2)));

        LotAssert.Row(lot, false, tokens: 100, cost: 30, soldEarly: 40, held: 60, exit: 20 + 60, pnl: 50);
        LotAssert.Near(40, lot.PctSoldEarly, "pct_sold_early");
    }

    [Fact]
    public void Equal_times_are_ordered_by_fill_id()
    {
        // Same second: "a-sell" sorts before "b-buy", so the sell opens a short and the buy covers it.
        var lots = Compute(Unresolved, Buy("b-buy", 10, 0.4, 1), Sell("a-sell", 10, 0.5, 1));

        var lot = Assert.Single(lots);
        Assert.Equal(("a-sell", true), (lot.TxHash, lot.IsShort));
    }

    [Fact]
    public void Fill_id_order_is_ordinal_so_upper_case_sorts_before_lower_case()
    {
        var lots = Compute(Unresolved, Buy("a", 10, 0.4, 1), Sell("B", 10, 0.5, 1));

        Assert.Equal(("B", true), (Assert.Single(lots).TxHash, Assert.Single(lots).IsShort));
    }

    [Fact]
    public void Matching_is_exact_in_micro_tokens()
    {
        // 0.1 + 0.2 != 0.3 in floating point; in micro-tokens the lot is exactly closed.
        var lots = Compute(Unresolved, Buy("a", 0.1, 0.5, 1), Buy("b", 0.2, 0.5, 2), Sell("s", 0.3, 0.6, 3));

        Assert.All(lots, l => Assert.Equal(0, l.TokensHeld));
        Assert.Equal(2, lots.Count);
    }

    [Fact]
    public void Positions_are_separate_per_wallet_condition_and_outcome()
    {
        var otherOutcome = Sell("o1", 10, 0.5, 2) with { OutcomeIndex = 1 };
        var otherCondition = Sell("c2", 10, 0.5, 3) with { ConditionId = new string('d', 64) };
        var otherWallet = Sell("w2", 10, 0.5, 4) with { Wallet = "0x3333333333333333333333333333333333333333" };

        var lots = Compute(Unresolved, Buy("a", 10, 0.4, 1), otherOutcome, otherCondition, otherWallet);

        Assert.Equal(4, lots.Count);
        Assert.Single(lots, l => !l.IsShort);
    }

    [Fact]
    public void Order_id_comes_from_the_opening_fill_id()
    {
        var fill = Buy("clob_0xabc_0xdef-m", 10, 0.4, 1);

        Assert.Equal("0xdef", Assert.Single(Compute(Unresolved, fill)).OrderId);
    }
}
