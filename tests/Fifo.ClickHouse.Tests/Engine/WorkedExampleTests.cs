using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>The spec's worked example, row by row.</summary>
public sealed class WorkedExampleTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Buys_a_and_b_sold_by_c_and_d_then_won()
    {
        var trades = new Trades()
            .Fill("clob_0xa_1-t", 100, 0.40, second: 1)
            .Fill("clob_0xb_2-t", 50, 0.60, second: 2)
            .Fill("clob_0xc_3-t", -120, 0.70, second: 3)
            .Fill("clob_0xd_4-t", -50, 0.70, second: 4)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades);

        Assert.Equal(
            [
                ("clob_0xa_1-t", false, 100.0, 40.0, 100.0, 0.0, 70.0, 30.0),
                ("clob_0xb_2-t", false, 50.0, 30.0, 50.0, 0.0, 35.0, 5.0),
                ("clob_0xd_4-t", true, 20.0, 6.0, 0.0, 20.0, 0.0, -6.0),
            ],
            rows.Select(r => (r.TxHash, r.IsShort, Round(r.Tokens), Round(r.CostUsd), Round(r.TokensSoldEarly),
                Round(r.TokensHeld), Round(r.ExitValue), Round(r.PnlUsd))));
        Assert.Equal(29, rows.Sum(r => r.PnlUsd), 1e-9);
        Assert.Equal([Trades.At(3), Trades.At(4), null], rows.Select(r => r.ExitTime));
        Assert.All(rows, r => Assert.Equal(Trades.At(100_000), r.ResolvedAt));
        Assert.All(rows, r => Assert.Equal(1.0, r.PayoutRate));
    }

    private static double Round(double value) => Math.Round(value, 9);
}
