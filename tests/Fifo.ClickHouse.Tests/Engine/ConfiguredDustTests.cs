using Fifo.Core.Options;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>Fifo:DustTokens reaches the SQL engine: with 0.5 instead of the default 0.01, 0.4 tokens held is closed.</summary>
public sealed class ConfiguredDustTests(ConfiguredDustTests.HalfTokenDust fixture) : IClassFixture<ConfiguredDustTests.HalfTokenDust>
{
    /// <summary>The SQL engine, and the reference engine it is compared with, configured with a dust of 0.5 tokens.</summary>
    public sealed class HalfTokenDust : EngineFixture
    {
        protected override FifoOptions Options { get; } = new() { DustTokens = 0.5 };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unresolved_lot_is_stored_once_less_than_the_configured_dust_is_held(bool perWallet)
    {
        var trades = new Trades()
            .Fill("below", 10, 0.5, second: 1, outcome: 0)
            .Fill("exit-below", -9.6, 0.6, second: 2, outcome: 0)
            .Fill("at", 10, 0.5, second: 3, outcome: 1)
            .Fill("exit-at", -9.5, 0.6, second: 4, outcome: 1);

        // 0.5 held is not less than the dust: that lot stays open, so it is not stored.
        var lot = Assert.Single(await fixture.ComputeAsync(trades, perWallet));

        Assert.Equal(("below", true, 0.4), (lot.TxHash, lot.IsClosed, Math.Round(lot.TokensHeld, 9)));
    }
}
