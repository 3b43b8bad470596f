using Fifo.Core.Model;
using Xunit;

namespace Fifo.Core.Tests.Lots;

internal static class LotAssert
{
    public const double Tolerance = 1e-9;

    public static void Near(double expected, double actual, string column)
    {
        if (!(Math.Abs(expected - actual) <= Tolerance))
            Assert.Fail($"{column}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>Checks the spec's columns of one lot: (tokens, cost, sold early, held, exit, pnl).</summary>
    public static void Row(LotRow lot, bool isShort, double tokens, double cost, double soldEarly, double held, double exit, double pnl)
    {
        Assert.Equal(isShort, lot.IsShort);
        Near(tokens, lot.Tokens, "tokens");
        Near(cost, lot.CostUsd, "cost_usd");
        Near(soldEarly, lot.TokensSoldEarly, "tokens_sold_early");
        Near(held, lot.TokensHeld, "tokens_held");
        Near(exit, lot.ExitValue, "exit_value");
        Near(pnl, lot.PnlUsd, "pnl_usd");
    }

    public static LotRow Single(IEnumerable<LotRow> lots, string openingFillId, bool isShort) =>
        Assert.Single(lots, l => l.TxHash == openingFillId && l.IsShort == isShort);
}
