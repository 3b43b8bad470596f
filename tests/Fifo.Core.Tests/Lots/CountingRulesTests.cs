using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

/// <summary>The spec's "Which fills count".</summary>
public sealed class CountingRulesTests
{
    private static IReadOnlyList<LotRow> Compute(params Fill[] fills) =>
        FifoReferenceEngine.Compute(fills, new Dictionary<string, ConditionPayout>(), new FifoOptions());

    [Fact]
    public void Maker_leg_of_a_self_fill_is_ignored_and_the_taker_leg_counts()
    {
        var taker = Buy("self-t", 10, 0.5, 1) with { IsSelfFill = true, IsMaker = false };
        var maker = Sell("self-m", 10, 0.5, 1) with { IsSelfFill = true, IsMaker = true };

        var lot = Assert.Single(Compute(taker, maker));

        Assert.Equal(("self-t", false), (lot.TxHash, lot.IsShort));
        LotAssert.Near(10, lot.TokensHeld, "tokens_held");
    }

    [Fact]
    public void Maker_leg_without_self_fill_counts()
    {
        var lot = Assert.Single(Compute(Buy("m", 10, 0.5, 1, isMaker: true)));

        Assert.True(lot.IsMaker);
    }

    [Theory]
    [InlineData("ctf_token")]
    [InlineData("ctf_cash")]
    [InlineData("negrisk")]
    [InlineData("CLOB")]
    public void Rows_from_other_sources_do_not_count(string source)
    {
        var lots = Compute(Buy("a", 10, 0.5, 1), Sell("split", 10, 0.5, 2) with { Source = source });

        var lot = Assert.Single(lots);
        LotAssert.Near(10, lot.TokensHeld, "tokens_held");
    }

    [Fact]
    public void Zero_address_does_not_count()
    {
        Assert.Empty(Compute(Buy("z", 10, 0.5, 1) with { Wallet = CountedFills.ZeroAddress }));
    }

    [Theory]
    [InlineData(0.000001, true)]
    [InlineData(0.0000005, false)] // 0.5 micro-token rounds half-to-even to 0
    [InlineData(0.00000051, true)] // rounds to 1 micro-token
    [InlineData(0.0000004, false)]
    [InlineData(0.0, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Fill_counts_from_one_micro_token(double tokens, bool counts)
    {
        var lots = Compute(Make("tiny", tokens, -tokens * 0.5, 1));

        Assert.Equal(counts, lots.Count == 1);
    }

    [Fact]
    public void Tokens_are_rounded_to_micro_tokens()
    {
        var lot = Assert.Single(Compute(Make("a", 1.2345674, -0.6, 1)));

        Assert.Equal(1.234567, lot.Tokens);
        LotAssert.Near(0.6 / 1.2345674, lot.EntryPrice, "entry_price uses the fill's own values");
    }

    [Fact]
    public void Duplicate_fill_id_counts_once_with_the_highest_version()
    {
        var v1 = Buy("dup", 10, 0.5, 1) with { Version = 1 };
        var v3 = Buy("dup", 30, 0.2, 1) with { Version = 3 };
        var v2 = Buy("dup", 20, 0.4, 1) with { Version = 2 };

        var lot = Assert.Single(Compute(v1, v3, v2));

        LotAssert.Near(30, lot.Tokens, "tokens");
        LotAssert.Near(0.2, lot.EntryPrice, "entry_price");
    }

    [Fact]
    public void Identical_unmerged_copies_count_once()
    {
        var fill = Buy("copy", 10, 0.5, 1);

        var lot = Assert.Single(Compute(fill, fill, fill));

        LotAssert.Near(10, lot.Tokens, "tokens");
    }

    [Fact]
    public void Newest_version_decides_whether_the_fill_counts()
    {
        var counted = Buy("f", 10, 0.5, 1) with { Version = 1 };
        var nowNonClob = counted with { Source = "ctf_token", Version = 2 };

        Assert.Empty(Compute(counted, nowNonClob));
    }

    [Fact]
    public void Equal_versions_that_differ_are_broken_by_block_then_amounts_regardless_of_input_order()
    {
        var low = Buy("tie", 10, 0.5, 1) with { BlockNumber = 7 };
        var high = Buy("tie", 20, 0.5, 1) with { BlockNumber = 8 };

        Assert.Equal(20, Assert.Single(Compute(low, high)).Tokens);
        Assert.Equal(20, Assert.Single(Compute(high, low)).Tokens);
    }

    [Fact]
    public void Versions_tied_on_everything_but_position_keep_the_greater_position_regardless_of_input_order()
    {
        var outcome0 = Buy("tie", 10, 0.5, 1) with { OutcomeIndex = 0 };
        var outcome1 = outcome0 with { OutcomeIndex = 1 };
        var otherCondition = outcome0 with { ConditionId = new string('f', 64) };

        Assert.Equal(1, Assert.Single(Compute(outcome0, outcome1)).OutcomeIndex);
        Assert.Equal(1, Assert.Single(Compute(outcome1, outcome0)).OutcomeIndex);
        Assert.Equal(otherCondition.ConditionId, Assert.Single(Compute(otherCondition, outcome1, outcome0)).ConditionId);
        Assert.Equal(otherCondition.ConditionId, Assert.Single(Compute(outcome0, outcome1, otherCondition)).ConditionId);
    }

    [Fact]
    public void Same_fill_id_of_different_wallets_are_different_fills()
    {
        var other = Buy("shared", 5, 0.5, 1) with { Wallet = "0x2222222222222222222222222222222222222222" };

        Assert.Equal(2, Compute(Buy("shared", 10, 0.5, 1), other).Count);
    }

    [Theory]
    [InlineData(1.25)]
    [InlineData(3.0)]
    public void Price_outside_unit_interval_is_counted_as_it_is(double price)
    {
        var lots = Compute(Buy("a", 10, price, 1), Sell("s", 4, price, 2));

        var lot = Assert.Single(lots);
        LotAssert.Near(price, lot.EntryPrice, "entry_price");
        LotAssert.Near(10 * price, lot.CostUsd, "cost_usd");
        var shortLot = Assert.Single(Compute(Sell("s", 4, price, 1)));
        LotAssert.Near(4 * (1 - price), shortLot.CostUsd, "short cost (negative above 1, as the formula says)");
    }

    [Fact]
    public void Zero_price_gives_zero_cost_and_zero_roi()
    {
        var lot = Assert.Single(Compute(Buy("free", 10, 0, 1)));

        Assert.Equal(0, lot.CostUsd);
        Assert.Equal(0, lot.Roi);
    }

    [Fact]
    public void Usdc_sign_does_not_change_the_price()
    {
        var lot = Assert.Single(Compute(Make("odd", 10, +4, 1)));

        LotAssert.Near(0.4, lot.EntryPrice, "entry_price = |usdc| / |tokens|");
    }
}
