using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

public sealed class LotComparisonTests
{
    private static readonly IReadOnlyList<LotRow> Lots = FifoReferenceEngine.Compute(
        [Buy("a", 10, 0.4, 1), Buy("b", 5, 0.5, 2), Sell("s", 12, 0.6, 3)], new Dictionary<string, ConditionPayout>(), new FifoOptions());

    [Fact]
    public void Equal_rows_and_differences_within_the_tolerance_match()
    {
        var nearly = Lots.Select(l => l with { PnlUsd = l.PnlUsd + 9e-7, CostUsd = l.CostUsd - 9e-7 }).Reverse();

        Assert.Empty(LotComparison.Compare(nearly, Lots));
    }

    [Fact]
    public void Each_differing_column_is_named_with_both_values()
    {
        var changed = Lots[0] with { PnlUsd = Lots[0].PnlUsd + 2e-6, IsClosed = !Lots[0].IsClosed, ExitTime = null, OrderId = "x" };

        var difference = Assert.Single(LotComparison.Compare([changed, Lots[1]], Lots));

        Assert.Equal(LotKey.Of(Lots[0]).ToString(), difference.Key);
        Assert.Same(changed, difference.Stored);
        Assert.Contains($"pnl_usd {changed.PnlUsd:G17} vs {Lots[0].PnlUsd:G17}", difference.Description);
        Assert.Contains("is_closed 0 vs 1", difference.Description);
        Assert.Contains("exit_time NULL vs 2024-03-01 12:03:00", difference.Description);
        Assert.Contains("order_id x vs ", difference.Description);
        Assert.DoesNotContain("cost_usd", difference.Description);
    }

    [Fact]
    public void Token_columns_must_be_the_same_micro_tokens()
    {
        // 1 micro-token apart is within 1e-6 as a double, but not the same lot; float noise of any size is.
        var oneMicroMore = Lots[0] with { Tokens = 10.000001, TokensHeld = Lots[0].TokensHeld + 1e-6 };
        var noise = Lots.Select(l => l with { TokensSoldEarly = l.TokensSoldEarly * (1 + 1e-15) }).ToList();
        var whale = Lots[0] with { Tokens = 987_654_321.123456 };

        var difference = Assert.Single(LotComparison.Compare([oneMicroMore, Lots[1]], Lots));
        Assert.Contains("tokens 10.000000999999999 vs 10", difference.Description);
        Assert.Contains("tokens_held", difference.Description);
        Assert.Empty(LotComparison.Compare(noise, Lots));
        Assert.Empty(LotComparison.Compare([whale with { Tokens = whale.Tokens * (1 + 2e-16) }], [whale]));
    }

    [Fact]
    public void Roi_of_a_lot_costing_less_than_1_usd_is_weighed_in_usd_of_pnl()
    {
        // Seen with whale fills: pnl 1.5e-8 USD apart on a lot of 0.006 USD is roi 2.3e-6 apart.
        var dust = Lots[0] with { CostUsd = 0.006, Roi = 0.5 };
        var oneUsd = Lots[0] with { CostUsd = 1, Roi = 0.5 };
        var free = Lots[0] with { CostUsd = 0, Roi = 0 };

        Assert.Empty(LotComparison.Compare([dust with { Roi = 0.5 + 2.3e-6 }], [dust]));
        Assert.Contains("roi", Assert.Single(LotComparison.Compare([dust with { Roi = 0.5 + 2e-4 }], [dust])).Description);
        // From 1 USD on, and at a cost of 0, roi itself is held to 1e-6.
        Assert.Contains("roi", Assert.Single(LotComparison.Compare([oneUsd with { Roi = 0.5 + 2e-6 }], [oneUsd])).Description);
        Assert.Contains("roi", Assert.Single(LotComparison.Compare([free with { Roi = 2e-6 }], [free])).Description);
    }

    [Fact]
    public void Missing_and_extra_rows_are_differences()
    {
        var extra = Lots[0] with { TxHash = "zz" };

        var differences = LotComparison.Compare([Lots[0], extra], Lots);

        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.Reference is null && d.Description.Contains("no such lot"));
        Assert.Contains(differences, d => d.Stored is null && d.Description.Contains("missing from the stored rows"));
    }

    [Fact]
    public void Side_is_part_of_the_key()
    {
        var flipped = Lots[0] with { IsShort = true };

        Assert.Equal(2, LotComparison.Compare([flipped, Lots[1]], Lots).Count);
    }

    [Fact]
    public void A_key_stored_twice_is_a_difference_even_when_the_rows_agree()
    {
        var difference = Assert.Single(LotComparison.Compare([Lots[0], Lots[0], Lots[1]], Lots));

        Assert.Equal("stored 2 times", difference.Description);
    }

    [Fact]
    public void Nan_on_both_sides_agrees_and_on_one_side_differs()
    {
        var nan = Lots.Select(l => l with { Roi = double.NaN }).ToList();

        Assert.Empty(LotComparison.Compare(nan, nan));
        Assert.Equal(2, LotComparison.Compare(nan, Lots).Count);
    }
}
