using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

/// <summary>Row status: resolved, closed (unresolved and held below dust) and open.</summary>
public sealed class LotStatusTests
{
    private static readonly Dictionary<string, ConditionPayout> Unresolved = new();

    private static LotRow Only(IReadOnlyDictionary<string, ConditionPayout> payouts, FifoOptions options, params Fill[] fills) =>
        Assert.Single(FifoReferenceEngine.Compute(fills, payouts, options), l => l.TxHash == "a");

    [Fact]
    public void Unresolved_fully_exited_lot_is_closed_with_its_realised_pnl()
    {
        var lot = Only(Unresolved, new FifoOptions(), Buy("a", 10, 0.4, 1), Sell("s", 10, 0.6, 2));

        Assert.Equal(LotStatus.Closed, lot.Status);
        Assert.True(lot.IsClosed);
        Assert.Null(lot.ResolvedAt);
        LotAssert.Near(2, lot.PnlUsd, "pnl_usd");
        Assert.Equal(0, lot.PayoutRate);
    }

    [Fact]
    public void Unresolved_lot_still_held_is_open_and_valued_at_zero_payout()
    {
        var lot = Only(Unresolved, new FifoOptions(), Buy("a", 10, 0.4, 1), Sell("s", 5, 0.6, 2));

        Assert.Equal(LotStatus.Open, lot.Status);
        Assert.False(lot.IsClosed);
        LotAssert.Row(lot, false, tokens: 10, cost: 4, soldEarly: 5, held: 5, exit: 3, pnl: -1);
    }

    [Theory]
    [InlineData(9.991, true)]   // 0.009 held < 0.01
    [InlineData(9.99, false)]   // 0.01 held is not below the dust
    public void Dust_left_after_an_exit_closes_the_lot(double sold, bool closed)
    {
        var lot = Only(Unresolved, new FifoOptions(), Buy("a", 10, 0.4, 1), Sell("s", sold, 0.6, 2));

        Assert.Equal(closed, lot.IsClosed);
    }

    [Fact]
    public void Dust_is_configurable()
    {
        var lot = Only(Unresolved, new FifoOptions { DustTokens = 1 }, Buy("a", 10, 0.4, 1), Sell("s", 9.5, 0.6, 2));

        Assert.True(lot.IsClosed);
    }

    [Fact]
    public void Tiny_dust_closes_only_fully_exited_lots()
    {
        var options = new FifoOptions { DustTokens = 1e-9 };

        Assert.False(Only(Unresolved, options, Buy("a", 10, 0.4, 1), Sell("s", 9.999999, 0.6, 2)).IsClosed);
        Assert.True(Only(Unresolved, options, Buy("a", 10, 0.4, 1), Sell("s", 10, 0.6, 2)).IsClosed);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.0)] // would leave even fully exited lots open
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_dust_is_rejected(double dust)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            FifoReferenceEngine.Compute([Buy("a", 1, 0.5, 1)], Unresolved, new FifoOptions { DustTokens = dust }));

        Assert.Contains("DustTokens", error.Message);
    }

    [Fact]
    public void Resolved_lot_is_never_closed_even_when_fully_exited()
    {
        var payouts = new Dictionary<string, ConditionPayout> { [Condition] = new(Condition, [1, 1], At(99)) };

        var lot = Only(payouts, new FifoOptions(), Buy("a", 10, 0.4, 1), Sell("s", 10, 0.6, 2));

        Assert.Equal(LotStatus.Resolved, lot.Status);
        Assert.False(lot.IsClosed);
        Assert.Equal(At(99), lot.ResolvedAt);
        Assert.Equal(At(2), lot.ExitTime);
    }

    [Fact]
    public void Fifty_fifty_payout_values_held_tokens_at_half()
    {
        var payouts = new Dictionary<string, ConditionPayout> { [Condition] = new(Condition, [1, 1], At(99)) };

        var lot = Only(payouts, new FifoOptions(), Buy("a", 10, 0.4, 1));

        LotAssert.Row(lot, false, tokens: 10, cost: 4, soldEarly: 0, held: 10, exit: 5, pnl: 1);
        Assert.Equal(0.5, lot.PayoutRate);
    }

    [Fact]
    public void Outcome_beyond_the_numerators_is_resolved_at_payout_zero()
    {
        var payouts = new Dictionary<string, ConditionPayout> { [Condition] = new(Condition, [1, 0], At(99)) };

        var lot = Only(payouts, new FifoOptions(), Buy("a", 10, 0.4, 1) with { OutcomeIndex = 2 });

        Assert.Equal(LotStatus.Resolved, lot.Status);
        LotAssert.Row(lot, false, tokens: 10, cost: 4, soldEarly: 0, held: 10, exit: 0, pnl: -4);
        LotAssert.Near(-1, lot.Roi, "roi");
    }
}
