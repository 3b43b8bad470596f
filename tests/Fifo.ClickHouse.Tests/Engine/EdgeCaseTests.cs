using Fifo.Core.Lots;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>
/// Every rule the spec names, one small hand-made case each: exact expectations here, and the fixture checks each
/// case against the reference engine as well.
/// </summary>
public sealed class EdgeCaseTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Only_clob_fills_of_at_least_one_micro_token_count_and_never_the_maker_leg_of_a_self_fill()
    {
        var trades = new Trades()
            .Fill("clob_0x1_a-t", 10, 0.5, second: 1)
            .Fill("ctf_0x2_b", 5, 0.5, second: 2, source: "ctf_token")
            .Fill("clob_0x3_c-m", -4, 0.6, second: 3, maker: true, selfFill: true)
            .Fill("clob_0x3_c-t", -3, 0.6, second: 3, selfFill: true)
            .Fill("clob_0x4_d-m", -2, 0.7, second: 4, maker: true)
            .Fill("clob_0x5_e-t", -0.0000004, 0.5, second: 5)
            .Fill("clob_0x6_f-t", -0.0000006, 0.5, second: 6)
            .Resolve("[1,0]");

        var lot = Assert.Single(await fixture.ComputeAsync(trades));

        Assert.Equal(("clob_0x1_a-t", 10.0, 5.000001, 4.999999, Trades.At(6)),
            (lot.TxHash, lot.Tokens, Math.Round(lot.TokensSoldEarly, 9), Math.Round(lot.TokensHeld, 9), lot.ExitTime));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fill_with_an_unusable_usdc_amount_is_left_out_instead_of_failing_the_batch(bool perWallet)
    {
        var trades = new Trades()
            .Fill("clob_0x1_a-t", 10, 0.5, second: 1)
            .Fill("clob_0x2_b-t", -2, 0, second: 2, usdc: double.NaN)
            .Fill("clob_0x3_c-t", -2, 0, second: 3, usdc: double.PositiveInfinity)
            .Fill("clob_0x4_d-t", -2, 0, second: 4, usdc: 1e21)
            .Fill("clob_0x5_e-t", -4, 0.6, second: 5)
            .Resolve("[1,0]");

        var lot = Assert.Single(await fixture.ComputeAsync(trades, perWallet));

        // 4 sold at 0.6, 6 held and paid 1, bought for 5.
        Assert.Equal(("clob_0x1_a-t", 10.0, 4.0, 6.0, 3.4),
            (lot.TxHash, lot.Tokens, lot.TokensSoldEarly, lot.TokensHeld, Math.Round(lot.PnlUsd, 9)));
    }

    [Fact]
    public async Task The_zero_wallet_is_never_computed()
    {
        var trades = new Trades().Fill("clob_0x1_a-t", 10, 0.5, second: 1, wallet: CountedFills.ZeroAddress).Resolve("[1,0]");
        await fixture.Engine.InsertFillsAsync(trades.Fills);
        await fixture.Engine.InsertResolutionsAsync(trades.Resolutions);

        var result = await fixture.Engine.ComputeAsync(CountedFills.ZeroAddress, CountedFills.ZeroAddress);

        Assert.Equal((0L, 0L, 1L), (result.RowsWritten, result.Wallets, result.FillsRead));
        Assert.Empty(await fixture.Engine.ReadViewAsync(CountedFills.ZeroAddress));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_newest_version_of_a_fill_id_decides_what_the_fill_is_and_whether_it_counts(bool perWallet)
    {
        var other = new Trades().Condition;
        var trades = new Trades()
            .Fill("clob_0x1_a-t", 10, 0.5, second: 1, version: 1)
            .Fill("clob_0x1_a-t", 20, 0.5, second: 1, version: 2)
            .Fill("clob_0x2_b-t", 5, 0.5, second: 2, version: 2)
            .Fill("clob_0x2_b-t", 5, 0.5, second: 2, version: 3, source: "negrisk")
            .Fill("clob_0x3_c-t", 7, 0.3, second: 3, version: 1)
            .Fill("clob_0x3_c-t", 7, 0.3, second: 9, version: 2, condition: other)
            .Fill("clob_0x4_d-t", 8, 0.1, second: 4, version: 5)
            .Fill("clob_0x4_d-t", 8, 0.1, second: 4, version: 5)
            .Resolve("[1,0]")
            .Resolve("[1,0]", condition: other);

        var rows = await fixture.ComputeAsync(trades, perWallet);

        Assert.Equal(
            [("clob_0x1_a-t", trades.Condition, 20.0), ("clob_0x4_d-t", trades.Condition, 8.0), ("clob_0x3_c-t", other, 7.0)],
            rows.OrderBy(r => r.ConditionId == other).ThenBy(r => r.TxHash, StringComparer.Ordinal).Select(r => (r.TxHash, r.ConditionId, r.Tokens)));
        Assert.Equal(Trades.At(9), rows.Single(r => r.TxHash == "clob_0x3_c-t").EntryTime);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Versions_tied_on_everything_but_position_count_once_in_the_greater_position(bool perWallet)
    {
        // Same fill_id, version, block, time and amounts, in outcomes 1 and 0: the greater outcome is the one kept,
        // in whichever order the rows arrive. Fill b sits between the two in table order, so they are not neighbours.
        var trades = new Trades()
            .Fill("clob_0x1_a-t", 10, 0.5, second: 1, outcome: 1)
            .Fill("clob_0x1_a-t", 10, 0.5, second: 1, outcome: 0)
            .Fill("clob_0x2_b-t", 3, 0.5, second: 2, outcome: 0)
            .Resolve("[0,1]");

        var rows = await fixture.ComputeAsync(trades, perWallet);

        Assert.Equal([("clob_0x2_b-t", (byte)0, 3.0), ("clob_0x1_a-t", (byte)1, 10.0)],
            rows.OrderBy(r => r.OutcomeIndex).Select(r => (r.TxHash, r.OutcomeIndex, r.Tokens)));
    }

    // Versions that differ in the fills table's sort key: FINAL cannot merge them, the engine's own dedup must. Per
    // wallet (perWallet: true) that is compute_lots.sql's step 2b; per position, the second read that drops older
    // versions across positions, with step 2b behind it within a position.

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_older_version_of_a_fill_id_at_the_previous_second_does_not_count(bool perWallet)
    {
        // Neighbours in fill order, settled pairwise.
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1, version: 1)
            .Fill("a", 20, 0.4, second: 2, version: 2)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades, perWallet);

        Assert.Equal([("a", (byte)0, 20.0, 0.4, Trades.At(2))], rows.Select(Opened));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Equal_versions_of_a_fill_id_are_told_apart_by_block_number_before_time(bool perWallet)
    {
        // The higher block is the earlier row, so the next tie-break (later event_time) would pick the other one; "b"
        // has its rows in two positions.
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1, block: 9)
            .Fill("a", 30, 0.2, second: 2, block: 8)
            .Fill("b", 10, 0.5, second: 3, block: 9)
            .Fill("b", 30, 0.2, second: 4, block: 8, outcome: 1)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades, perWallet);

        Assert.Equal([("a", (byte)0, 10.0, 0.5, Trades.At(1)), ("b", (byte)0, 10.0, 0.5, Trades.At(3))], rows.Select(Opened));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_three_versions_of_a_fill_id_only_the_newest_counts(bool perWallet)
    {
        // In fill order the newest comes first, then versions 1 and 2: comparing neighbours alone would keep version 2,
        // which is also in another position.
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1, version: 3)
            .Fill("a", 20, 0.4, second: 2, version: 1)
            .Fill("a", 40, 0.3, second: 3, version: 2, outcome: 1)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades, perWallet);

        Assert.Equal([("a", (byte)0, 10.0, 0.5, Trades.At(1))], rows.Select(Opened));
    }

    /// <summary>What a lot says about the fill that opened it.</summary>
    private static (string FillId, byte Outcome, double Tokens, double Price, DateTime Time) Opened(LotRow lot) =>
        (lot.TxHash, lot.OutcomeIndex, lot.Tokens, Math.Round(lot.EntryPrice, 9), lot.EntryTime);

    [Fact]
    public async Task Fills_of_the_same_second_are_ordered_by_fill_id_bytewise()
    {
        // "B" sorts before "a": the sell closes B's token first.
        var trades = new Trades()
            .Fill("a", 1, 0.8, second: 1)
            .Fill("B", 1, 0.2, second: 1)
            .Fill("c", -1, 0.5, second: 2)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades);

        Assert.Equal([("B", 1.0, 0.0), ("a", 0.0, 1.0)], rows.Select(r => (r.TxHash, r.TokensSoldEarly, r.TokensHeld)));
    }

    [Fact]
    public async Task A_sell_with_no_long_lot_opens_a_short_covered_by_later_buys_at_their_own_prices()
    {
        var trades = new Trades()
            .Fill("s", -10, 0.7, second: 1)
            .Fill("b1", 4, 0.2, second: 2)
            .Fill("b2", 10, 0.3, second: 3)
            .Resolve("[0,1]");

        var rows = await fixture.ComputeAsync(trades);

        var shortLot = rows.Single(r => r.IsShort);
        Assert.Equal(("s", 10.0, 3.0, 10.0, 0.0, 7.4, 4.4, Trades.At(3)),
            (shortLot.TxHash, shortLot.Tokens, Math.Round(shortLot.CostUsd, 9), shortLot.TokensSoldEarly, shortLot.TokensHeld,
             Math.Round(shortLot.ExitValue, 9), Math.Round(shortLot.PnlUsd, 9), shortLot.ExitTime));
        var longLot = rows.Single(r => !r.IsShort);
        Assert.Equal(("b2", 4.0, 1.2, 4.0, 0.0, -1.2, (DateTime?)null),
            (longLot.TxHash, longLot.Tokens, Math.Round(longLot.CostUsd, 9), longLot.TokensHeld, longLot.ExitValue,
             Math.Round(longLot.PnlUsd, 9), longLot.ExitTime));
    }

    [Fact]
    public async Task A_short_still_open_at_resolution_pays_the_payout_for_every_token_held()
    {
        var trades = new Trades()
            .Fill("s", -10, 0.4, second: 1)
            .Fill("b", 3, 0.5, second: 2)
            .Resolve("[1,0]");

        var lot = Assert.Single(await fixture.ComputeAsync(trades));

        // 10 · 0.4 received, 3 · 0.5 paid to cover, 7 still short at payout 1.
        Assert.Equal((true, 6.0, 7.0, 4 - 1.5 - 7.0), (lot.IsShort, Math.Round(lot.CostUsd, 9), lot.TokensHeld, Math.Round(lot.PnlUsd, 9)));
    }

    [Theory]
    [InlineData("[1,0]", 0, 1.0)]
    [InlineData("[1,1]", 0, 0.5)]
    [InlineData("[\"1\",\"0\"]", 1, 0.0)]
    [InlineData(" [ 0.25 , 0.75 ] ", 1, 0.75)]
    [InlineData("[1,0]", 2, 0.0)]
    public async Task Every_numerator_format_pays_its_rate(string numerators, byte outcome, double rate)
    {
        var trades = new Trades().Fill("a", 10, 0.5, second: 1, outcome: outcome).Resolve(numerators);

        var lot = Assert.Single(await fixture.ComputeAsync(trades));

        Assert.Equal((rate, 10 * rate, Trades.At(100_000), false), (lot.PayoutRate, lot.ExitValue, lot.ResolvedAt, lot.IsClosed));
    }

    [Theory]
    [InlineData("[1,x]")]
    [InlineData("[0,0]")]
    [InlineData("null")]
    public async Task Unparseable_numerators_leave_the_condition_unresolved_instead_of_paying_0(string numerators)
    {
        var trades = new Trades()
            .Fill("held", 10, 0.5, second: 1, outcome: 0)
            .Fill("exited", 5, 0.5, second: 2, outcome: 1)
            .Fill("exit", -5, 0.6, second: 3, outcome: 1)
            .Resolve(numerators);

        // The held lot stays open (not stored); the exited one is closed, with no payout and no resolution time.
        var lot = Assert.Single(await fixture.ComputeAsync(trades));

        Assert.Equal(("exited", true, (DateTime?)null, 0.0, 3.0), (lot.TxHash, lot.IsClosed, lot.ResolvedAt, lot.PayoutRate, Math.Round(lot.ExitValue, 9)));
    }

    [Fact]
    public async Task The_newest_resolution_row_that_is_not_deleted_decides()
    {
        var deletedNewest = new Trades().Fill("a", 10, 0.5, second: 1)
            .Resolve("[1,0]", insertedAt: 200_000)
            .Resolve("[0,1]", insertedAt: 300_000, deleted: true);
        var emptyNewest = new Trades().Fill("a", 10, 0.5, second: 1)
            .Resolve("[1,0]", insertedAt: 200_000)
            .Resolve("", insertedAt: 300_000);

        var resolved = Assert.Single(await fixture.ComputeAsync(deletedNewest));
        Assert.Equal(1.0, resolved.PayoutRate);
        // Empty numerators on the newest row: unresolved again, and a held lot is open, so nothing is stored.
        Assert.Empty(await fixture.ComputeAsync(emptyNewest));
    }

    [Fact]
    public async Task Resolution_rows_inserted_at_the_same_time_are_decided_by_resolved_at_then_by_numerators()
    {
        // The row that must lose is inserted first and would win the next tie-break.
        var byNumerators = new Trades().Condition;
        var trades = new Trades()
            .Fill("a", 10, 0.5, second: 1)
            .Fill("b", 10, 0.5, second: 1, condition: byNumerators)
            .Resolve("[1,0]", second: 150_000, insertedAt: 200_000)
            .Resolve("[0,1]", second: 160_000, insertedAt: 200_000)
            .Resolve("[0,1]", second: 150_000, insertedAt: 200_000, condition: byNumerators)
            .Resolve("[1,0]", second: 150_000, insertedAt: 200_000, condition: byNumerators);

        var rows = await fixture.ComputeAsync(trades);

        Assert.Equal([("a", 0.0, Trades.At(160_000)), ("b", 1.0, Trades.At(150_000))],
            rows.OrderBy(r => r.TxHash, StringComparer.Ordinal).Select(r => (r.TxHash, r.PayoutRate, r.ResolvedAt)));
    }

    [Fact]
    public async Task An_unresolved_lot_is_stored_once_less_than_the_dust_is_held()
    {
        var trades = new Trades()
            .Fill("dust", 10, 0.5, second: 1, outcome: 0)
            .Fill("exit-dust", -9.991, 0.6, second: 2, outcome: 0)
            .Fill("held", 10, 0.5, second: 3, outcome: 1)
            .Fill("exit-held", -9.99, 0.6, second: 4, outcome: 1);

        var lot = Assert.Single(await fixture.ComputeAsync(trades));

        Assert.Equal(("dust", true, 0.009, (DateTime?)null), (lot.TxHash, lot.IsClosed, Math.Round(lot.TokensHeld, 9), lot.ResolvedAt));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_small_lot_after_a_whales_volume_is_valued_exactly(bool perWallet)
    {
        // Sixty round trips of a billion tokens take the position's running value to 8e10 USD, where consecutive
        // doubles are 1.5e-5 USD apart (in pico-USD as in the engine): only exact sums value the last lot to 1e-6.
        var trades = new Trades();
        for (var i = 0; i < 60; i++)
            trades.Fill($"buy{i:D2}", 1e9, 0.61, second: 2 * i).Fill($"sell{i:D2}", -1e9, 0.67, second: 2 * i + 1);
        trades.Fill("small", 1, 0.3, second: 200).Fill("exit", -1, 0.7, second: 201).Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades, perWallet);

        var small = rows.Single(r => r.TxHash == "small");
        Assert.Equal((0.7, 0.4), (Math.Round(small.ExitValue, 9), Math.Round(small.PnlUsd, 9)));
    }

    [Fact]
    public async Task Prices_outside_0_to_1_are_counted_as_they_are()
    {
        var trades = new Trades()
            .Fill("long", 10, 1.02, second: 1, outcome: 0)
            .Fill("short", -10, 1.05, second: 2, outcome: 1)
            .Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades);

        Assert.Equal([("long", 10.2, -0.2), ("short", -0.5, 10.5)],
            rows.Select(r => (r.TxHash, Math.Round(r.CostUsd, 9), Math.Round(r.PnlUsd, 9))));
    }

    [Fact]
    public async Task The_order_id_comes_from_the_opening_fill_id()
    {
        string[] ids = ["clob_0xabc_0xdef-m", "clob_0xabc_12345", "clob_0xabc_0xd-e-f-t", "clob_0xabc_0xdef_extra-m", "ctf_0xabc_1", "clob_0xabc_-m"];
        var trades = new Trades();
        for (var i = 0; i < ids.Length; i++)
            trades.Fill(ids[i], 1, 0.5, second: i);
        trades.Resolve("[1,0]");

        var rows = await fixture.ComputeAsync(trades);

        Assert.Equal(ids.Order(StringComparer.Ordinal).Select(id => (id, OrderIdParser.FromFillId(id))), rows.Select(r => (r.TxHash, r.OrderId)));
        Assert.Equal(["0xdef", "12345", "0xd-e-f", "", "", "-m"], ids.Select(id => rows.Single(r => r.TxHash == id).OrderId));
    }
}
