using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// Makes new rows for the fills table the way the CLOB reports them: one row per wallet leg, fill_ids
/// <c>clob_&lt;tx&gt;_&lt;order&gt;-t</c> / <c>-m</c> that never existed before, prices in (0, 1), and block numbers and
/// _versions above every stored row, growing in the order the rows are made. All randomness comes from one seeded
/// <see cref="Random"/>, so a seed always makes the same rows.
/// </summary>
internal sealed class NewFills(Random random, SourceState state)
{
    private ulong lastVersion = state.MaxVersion;
    private ulong lastBlock = state.MaxBlock;

    public Random Random => random;

    public string NewWallet() => "0x" + Hex(20);

    /// <summary>1 to 300 tokens, in micro-tokens.</summary>
    public long Size() => random.NextInt64(1_000_000, 300_000_000);

    /// <summary>
    /// One trade of <paramref name="microTokens"/> (&gt; 0 buy, &lt; 0 sell) for the <paramref name="taker"/> position.
    /// With a <paramref name="maker"/>, the maker's leg on the other side of the same outcome comes with it (same tx,
    /// time, size and price) — a self-fill when the maker is the taker's own wallet, whose maker leg does not count.
    /// Without one, the other side is a wallet outside the data, and the leg is the maker or the taker at random.
    /// </summary>
    public IReadOnlyList<Fill> Trade(PositionKey taker, long microTokens, DateTime time, string? maker)
    {
        var tx = "0x" + Hex(32);
        var price = random.Next(10, 991) / 1000.0;
        var block = ++lastBlock;
        var selfFill = maker == taker.Wallet;
        var takerLeg = Leg(tx, taker, microTokens, price, time, isMaker: maker is null && random.Next(2) == 0, selfFill, block);
        if (maker is null)
            return [takerLeg];
        var makerLeg = Leg(tx, taker with { Wallet = maker }, -microTokens, price, time, isMaker: true, selfFill, block);
        return [takerLeg, makerLeg];
    }

    /// <summary>A new version of a stored fill (same fill_id, higher _version and block), changed by <paramref name="change"/>.</summary>
    public Fill Revision(Fill stored, Func<Fill, Fill> change) =>
        change(stored) with { BlockNumber = ++lastBlock, Version = ++lastVersion };

    /// <summary>The same fill (same price) with another size and side, usdc_delta following.</summary>
    public static Fill Resized(Fill fill, long microTokens)
    {
        var price = Math.Abs(fill.UsdcDelta / fill.TokensDelta);
        var tokens = MicroTokens.ToTokens(microTokens);
        return fill with { TokensDelta = tokens, UsdcDelta = Math.Round(-tokens * price, 6) };
    }

    private Fill Leg(string tx, PositionKey position, long microTokens, double price, DateTime time, bool isMaker, bool selfFill, ulong block)
    {
        var tokens = MicroTokens.ToTokens(microTokens);
        var fillId = $"clob_{tx}_0x{Hex(16)}-{(isMaker ? "m" : "t")}";
        return new Fill(fillId, tx, position.Wallet, position.ConditionId, position.OutcomeIndex, tokens,
            Math.Round(-tokens * price, 6), time, CountedFills.ClobSource, isMaker, selfFill, block, ++lastVersion);
    }

    private string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
