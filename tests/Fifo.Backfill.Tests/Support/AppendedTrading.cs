using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// A round of new trading appended after everything in the fills table — each new fill later than the newest stored
/// one — in markets that nothing resolves yet. Positions are chosen at random and sized from what each holds, so that
/// every way a new fill meets the open lots occurs: closing a position exactly, leaving a remainder below the dust
/// threshold, crossing an earlier dust remainder, flipping long to short and short to long, adding, exiting part,
/// re-opening a flat position; existing wallets open new positions; brand-new wallets trade, and take the maker side
/// of other trades. One trade is a self-fill.
/// </summary>
internal sealed class AppendedTrading
{
    private const long OneToken = 1_000_000;

    private readonly SourceState state;
    private readonly NewFills fills;
    private readonly Random random;
    private readonly long dust;
    private readonly List<PositionState> candidates;
    // Positions with a planned sequence: the maker legs of other trades must not change what they hold.
    private readonly HashSet<PositionKey> planned = [];
    private readonly List<Queue<(PositionKey Position, long MicroTokens)>> sequences = [];

    private AppendedTrading(SourceState state, NewFills fills, long dustMicroTokens)
    {
        this.state = state;
        this.fills = fills;
        random = fills.Random;
        dust = dustMicroTokens;
        candidates = state.Positions.Where(p => state.IsUnresolved(p.Key.ConditionId)).OrderBy(_ => random.Next()).ToList();
    }

    /// <param name="dustMicroTokens">Fifo:DustTokens in micro-tokens: a lot holding less is closed.</param>
    public static IReadOnlyList<Fill> Round(SourceState state, NewFills fills, long dustMicroTokens) =>
        new AppendedTrading(state, fills, dustMicroTokens).Build();

    private IReadOnlyList<Fill> Build()
    {
        // Existing positions, each planned once: what a fill does is sized from what the position holds.
        foreach (var p in Pick(3, net => Math.Abs(net) >= 2 * OneToken))
            Plan(p, Split(Math.Abs(p.NetMicroTokens), parts: random.Next(1, 4))); // closed exactly, in up to 3 fills
        foreach (var p in Pick(3, net => Math.Abs(net) > 2 * dust))
            Plan(p, Split(Math.Abs(p.NetMicroTokens) - random.NextInt64(1, dust), parts: random.Next(1, 3))); // dust left
        foreach (var p in Pick(3, net => net != 0 && Math.Abs(net) < dust))
            Plan(p, [Math.Abs(p.NetMicroTokens) + fills.Size()]); // a dust remainder (an earlier round's too) crossed
        foreach (var p in Pick(2, net => net > 0).Concat(Pick(2, net => net < 0)))
            Plan(p, [Math.Abs(p.NetMicroTokens) + fills.Size()]); // long flipped to short, short to long
        foreach (var p in Pick(2, net => Math.Abs(net) >= 2 * OneToken))
            Plan(p, [random.NextInt64(1, Math.Abs(p.NetMicroTokens) / 2)]); // partly exited
        foreach (var p in Pick(2, net => net != 0))
            Plan(p.Key, [Math.Sign(p.NetMicroTokens) * fills.Size()]); // added to
        foreach (var p in Pick(2, net => net == 0))
            Plan(p.Key, [Side() * fills.Size()]); // re-opened

        for (var i = 0; i < 3; i++)
            PlanNewPosition(state.Wallets[random.Next(state.Wallets.Count)]);
        // Two new wallets trade positions of their own; all three take the maker side of other trades.
        var newWallets = Enumerable.Range(0, 3).Select(_ => fills.NewWallet()).ToList();
        foreach (var wallet in newWallets.Take(2))
        {
            PlanNewPosition(wallet);
            PlanNewPosition(wallet);
        }
        return Interleave(makers: newWallets);
    }

    /// <summary>Up to <paramref name="count"/> unplanned positions whose net holding satisfies <paramref name="holds"/>.</summary>
    private List<PositionState> Pick(int count, Func<long, bool> holds) =>
        candidates.Where(p => !planned.Contains(p.Key) && holds(p.NetMicroTokens)).Take(count).ToList();

    /// <summary>A position the wallet never traded, in an unresolved market: opened, then kept, partly exited or closed.</summary>
    private void PlanNewPosition(string wallet)
    {
        var market = state.UnresolvedMarkets[random.Next(state.UnresolvedMarkets.Count)];
        var position = new PositionKey(wallet, market, (byte)random.Next(state.OutcomeCount(market)));
        if (planned.Contains(position) || state.Positions.Any(p => p.Key == position))
            return;
        var opened = Side() * fills.Size();
        Plan(position, random.Next(3) switch
        {
            0 => [opened],
            1 => [opened, -Math.Sign(opened) * random.NextInt64(1, Math.Abs(opened))],
            _ => [opened, -opened],
        });
    }

    /// <summary>Fills on the side that reduces what <paramref name="position"/> holds: sells for a long, buys for a short.</summary>
    private void Plan(PositionState position, IEnumerable<long> reducingMicroTokens) =>
        Plan(position.Key, reducingMicroTokens.Select(q => -Math.Sign(position.NetMicroTokens) * q));

    private void Plan(PositionKey position, IEnumerable<long> microTokens)
    {
        planned.Add(position);
        sequences.Add(new Queue<(PositionKey, long)>(microTokens.Select(q => (position, q))));
    }

    /// <summary>
    /// The planned fills, sequences interleaved at random (each in its own order), at strictly increasing times after
    /// the newest stored fill. Most trades get a maker leg from a wallet whose position no sequence plans.
    /// </summary>
    private IReadOnlyList<Fill> Interleave(IReadOnlyList<string> makers)
    {
        var made = new List<Fill>();
        var time = state.LastEventTime;
        var selfFillDone = false;
        while (sequences.Any(s => s.Count > 0))
        {
            var open = sequences.Where(s => s.Count > 0).ToList();
            var (position, microTokens) = open[random.Next(open.Count)].Dequeue();
            time = time.AddSeconds(random.Next(1, 600));
            // The first trade is a self-fill: the wallet's own maker leg, which does not count, in the same position.
            var maker = selfFillDone ? Maker(position, makers) : position.Wallet;
            selfFillDone = true;
            made.AddRange(fills.Trade(position, microTokens, time, maker));
        }
        return made;
    }

    private string? Maker(PositionKey taker, IReadOnlyList<string> makers)
    {
        var roll = random.Next(10);
        var maker = roll < 5 ? makers[random.Next(makers.Count)]
            : roll < 8 ? state.Wallets[random.Next(state.Wallets.Count)]
            : null;
        return maker is not null && !planned.Contains(taker with { Wallet = maker }) ? maker : null;
    }

    private int Side() => random.Next(2) == 0 ? 1 : -1;

    /// <summary><paramref name="total"/> (at least 2) in up to <paramref name="parts"/> positive parts.</summary>
    private List<long> Split(long total, int parts)
    {
        var cuts = Enumerable.Range(1, parts - 1).Select(_ => random.NextInt64(1, total)).Distinct().Order().Append(total).ToList();
        return cuts.Select((cut, i) => cut - (i == 0 ? 0 : cuts[i - 1])).ToList();
    }
}
