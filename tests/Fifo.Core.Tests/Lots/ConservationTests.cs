using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

public sealed class ConservationTests
{
    private const string OtherCondition = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd";
    private static readonly Dictionary<string, ConditionPayout> Payouts = new() { [Condition] = new(Condition, [1, 0], At(99)) };

    private static readonly Fill[] Fills =
    [
        Buy("a", 100, 0.40, 1), Buy("b", 50, 0.60, 2), Sell("c", 120, 0.70, 3), Sell("d", 50, 0.70, 4),
        Buy("x", 10, 0.5, 5) with { ConditionId = OtherCondition }, Sell("y", 4, 0.75, 6) with { ConditionId = OtherCondition },
        Sell("self-maker", 30, 0.9, 7) with { IsSelfFill = true, IsMaker = true },
    ];

    [Fact]
    public void Worked_example_position_conserves_its_cash_and_payout()
    {
        var lots = FifoReferenceEngine.Compute(Fills, Payouts, new FifoOptions());

        var position = Conservation.ByPosition(Fills, lots, Payouts).Single(p => p.Position.ConditionId == Condition);

        Assert.True(position.Resolved);
        Assert.Equal(3, position.Lots);
        Assert.Equal(49, position.CashFlow, 9);
        Assert.Equal(-20, position.NetTokens);
        Assert.Equal(29, position.Expected, 9);
        Assert.Equal(0, position.Difference, 9);
    }

    [Fact]
    public void Unresolved_position_conserves_with_open_lots_at_payout_zero()
    {
        var lots = FifoReferenceEngine.Compute(Fills, Payouts, new FifoOptions());

        var position = Conservation.ByPosition(Fills, lots, Payouts).Single(p => p.Position.ConditionId == OtherCondition);

        Assert.False(position.Resolved);
        Assert.Equal((-5 + 3, 6.0, 0.0), (position.CashFlow, position.NetTokens, position.PayoutRate));
        Assert.Equal(0, position.Difference, 9);
    }

    [Fact]
    public void Pnl_moved_between_lots_keeps_the_identity_and_any_extra_shows_per_wallet()
    {
        var lots = FifoReferenceEngine.Compute(Fills, Payouts, new FifoOptions())
            .Select(l => l.TxHash switch { "a" => l with { PnlUsd = l.PnlUsd + 1 }, "b" => l with { PnlUsd = l.PnlUsd - 1 }, _ => l })
            .ToList();
        var skewed = lots.Select(l => l.TxHash == "a" ? l with { PnlUsd = l.PnlUsd + 0.5 } : l).ToList();

        Assert.All(Conservation.ByPosition(Fills, lots, Payouts), p => Assert.Equal(0, p.Difference, 9));
        var wallet = Assert.Single(Conservation.ByWallet(Conservation.ByPosition(Fills, skewed, Payouts)));
        Assert.Equal((Wallet, 1, 0.5), (wallet.Wallet, wallet.ResolvedPositions, Math.Round(wallet.Difference, 9)));
    }

    [Fact]
    public void Missing_lots_show_up_as_a_difference()
    {
        var position = Conservation.ByPosition(Fills, [], Payouts).Single(p => p.Position.ConditionId == Condition);

        Assert.Equal((0, 0.0), (position.Lots, position.LotsPnl));
        Assert.Equal(-29, position.Difference, 9);
    }
}
