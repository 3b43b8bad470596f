using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Xunit;
using static Fifo.Core.Tests.Lots.FillBuilder;

namespace Fifo.Core.Tests.Lots;

/// <summary>The spec's worked example, row by row.</summary>
public sealed class WorkedExampleTests
{
    private static readonly DateTime ResolvedAt = At(1000);

    private static IReadOnlyList<LotRow> Compute() => FifoReferenceEngine.Compute(
        [Buy("a", 100, 0.40, 1), Buy("b", 50, 0.60, 2), Sell("c", 120, 0.70, 3), Sell("d", 50, 0.70, 4)],
        new Dictionary<string, ConditionPayout> { [Condition] = new(Condition, [1, 0], ResolvedAt) },
        new FifoOptions());

    [Fact]
    public void Produces_rows_a_b_and_d_with_the_tables_numbers()
    {
        var lots = Compute();

        Assert.Equal(["a", "b", "d"], lots.Select(l => l.TxHash));
        LotAssert.Row(LotAssert.Single(lots, "a", false), isShort: false, tokens: 100, cost: 40, soldEarly: 100, held: 0, exit: 70, pnl: 30);
        LotAssert.Row(LotAssert.Single(lots, "b", false), isShort: false, tokens: 50, cost: 30, soldEarly: 50, held: 0, exit: 35, pnl: 5);
        LotAssert.Row(LotAssert.Single(lots, "d", true), isShort: true, tokens: 20, cost: 6, soldEarly: 0, held: 20, exit: 0, pnl: -6);
    }

    [Fact]
    public void Totals_29_which_is_net_cash_minus_the_short_tokens_payout()
    {
        var lots = Compute();

        LotAssert.Near(29, lots.Sum(l => l.PnlUsd), "total pnl");
        LotAssert.Near(-40 - 30 + 84 + 35 - 20 * 1, lots.Sum(l => l.PnlUsd), "net cash - 20 short tokens");
    }

    [Fact]
    public void Fills_the_other_columns_of_each_row()
    {
        var lots = Compute();
        var a = LotAssert.Single(lots, "a", false);
        var b = LotAssert.Single(lots, "b", false);
        var d = LotAssert.Single(lots, "d", true);

        Assert.All(lots, l => Assert.Equal(LotStatus.Resolved, l.Status));
        Assert.All(lots, l => Assert.Equal(ResolvedAt, l.ResolvedAt));
        Assert.All(lots, l => Assert.False(l.IsClosed));
        Assert.Equal((At(1), At(3)), (a.EntryTime, a.ExitTime));
        Assert.Equal((At(2), At(4)), (b.EntryTime, b.ExitTime));
        Assert.Equal((At(4), (DateTime?)null), (d.EntryTime, d.ExitTime));
        LotAssert.Near(0.40, a.EntryPrice, "a entry_price");
        LotAssert.Near(0.70, d.EntryPrice, "d entry_price");
        LotAssert.Near(0.75, a.Roi, "a roi");
        LotAssert.Near(5.0 / 30, b.Roi, "b roi");
        LotAssert.Near(-1, d.Roi, "d roi");
        LotAssert.Near(100, a.PctSoldEarly, "a pct_sold_early");
        LotAssert.Near(0, d.PctSoldEarly, "d pct_sold_early");
        Assert.All(lots, l => LotAssert.Near(1, l.PayoutRate, "payout_rate"));
    }

    [Fact]
    public void Losing_outcome_turns_the_open_short_into_a_full_win()
    {
        var lots = FifoReferenceEngine.Compute(
            [Buy("a", 100, 0.40, 1), Buy("b", 50, 0.60, 2), Sell("c", 120, 0.70, 3), Sell("d", 50, 0.70, 4)],
            new Dictionary<string, ConditionPayout> { [Condition] = new(Condition, [0, 1], ResolvedAt) },
            new FifoOptions());

        LotAssert.Row(LotAssert.Single(lots, "d", true), isShort: true, tokens: 20, cost: 6, soldEarly: 0, held: 20, exit: 20, pnl: 14);
        LotAssert.Near(49, lots.Sum(l => l.PnlUsd), "total pnl = net cash");
    }
}
