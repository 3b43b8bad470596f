using Fifo.ClickHouse.Reports.Wallets;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.ClickHouse.Tests.Reports;

public sealed class WalletSummaryCalculatorTests
{
    private static readonly DateTime T = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static LotRow Lot(string id, double pnl, double cost, DateTime? exit, DateTime? resolved, double held, bool closed = false, string condition = "c") => new()
    {
        Wallet = "0x" + new string('a', 40), ConditionId = condition, OutcomeIndex = 0, TxHash = id, IsShort = false,
        EntryTime = T, ExitTime = exit, Tokens = 10, EntryPrice = 0.5, CostUsd = cost, TokensSoldEarly = 10 - held,
        TokensHeld = held, ExitValue = cost + pnl, PnlUsd = pnl, Roi = pnl / cost, PctSoldEarly = 0, ResolvedAt = resolved,
        IsClosed = closed,
    };

    [Fact]
    public void Totals_count_stored_lots_for_pnl_and_every_lot_for_counts()
    {
        var lots = new[]
        {
            Lot("won", 3, 5, exit: null, resolved: T.AddDays(9), held: 10),
            Lot("lost", -1, 5, exit: T.AddDays(1), resolved: null, held: 0, closed: true),
            Lot("open", -5, 5, exit: null, resolved: null, held: 10, condition: "d"),
        };

        var totals = WalletSummaryCalculator.Totals(lots);

        Assert.Equal((2.0, 10.0, 0.2, 0.5), (totals.TotalPnl, totals.TotalCost, totals.Roi, totals.WinRate));
        Assert.Equal((1L, 1L, 1L, 2L), (totals.ResolvedLots, totals.ClosedLots, totals.OpenLots, totals.Positions));
    }

    [Fact]
    public void Pnl_becomes_final_at_resolution_when_held_and_at_the_last_exit_when_sold_out()
    {
        Assert.Equal(T.AddDays(9), WalletSummaryCalculator.RealizedAt(Lot("held", 1, 1, exit: T.AddDays(2), resolved: T.AddDays(9), held: 1)));
        Assert.Equal(T.AddDays(2), WalletSummaryCalculator.RealizedAt(Lot("sold", 1, 1, exit: T.AddDays(2), resolved: T.AddDays(9), held: 0)));
        Assert.Equal(T.AddDays(3), WalletSummaryCalculator.RealizedAt(Lot("closed", 1, 1, exit: T.AddDays(3), resolved: null, held: 0.001, closed: true)));
    }

    [Fact]
    public void Curve_accumulates_in_time_order_and_leaves_open_lots_out()
    {
        var lots = new[]
        {
            Lot("late", 2, 1, exit: T.AddDays(5), resolved: null, held: 0, closed: true),
            Lot("early", -1, 1, exit: T.AddDays(1), resolved: null, held: 0, closed: true),
            Lot("same-day", 4, 1, exit: T.AddDays(1), resolved: null, held: 0, closed: true),
            Lot("open", 100, 1, exit: null, resolved: null, held: 10),
        };

        var curve = WalletSummaryCalculator.PnlOverTime(lots);

        Assert.Equal([(T.AddDays(1), 3.0), (T.AddDays(5), 5.0)], curve);
    }
}
