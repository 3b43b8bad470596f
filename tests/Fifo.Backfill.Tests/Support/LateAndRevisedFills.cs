using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// New fill rows that do not come after everything stored: fills arriving late (earlier than fills already stored for
/// their position), new versions of stored fills (same fill_id, higher _version) with another size, as a corrected
/// report would bring, and rows repeating stored fills, as a replayed ingestion would bring.
/// </summary>
internal static class LateAndRevisedFills
{
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One new trade in each of <paramref name="count"/> positions (resolved markets too), buys and sells, dated in
    /// turn before the position's first fill, strictly between its first and its last, or in the very second of its
    /// last (where the fill_ids decide the order, so it may come before the stored fill).
    /// </summary>
    public static IReadOnlyList<Fill> LateArrivals(SourceState state, NewFills fills, int count)
    {
        var random = fills.Random;
        var positions = state.Positions.Where(p => p.Fills[^1].EventTime - p.Fills[0].EventTime >= Span)
            .OrderBy(_ => random.Next()).Take(count).ToList();
        Xunit.Assert.True(positions.Count == count, "expected positions with fills at two or more times");
        return positions.SelectMany((p, i) =>
        {
            var first = p.Fills[0].EventTime;
            var last = p.Fills[^1].EventTime;
            var time = (i % 3) switch
            {
                0 => first.AddSeconds(-random.Next(1, 3 * 86_400)),
                1 => first.AddSeconds(random.NextInt64(1, (long)(last - first).TotalSeconds)),
                _ => last,
            };
            var side = random.Next(2) == 0 ? 1 : -1;
            return fills.Trade(p.Key, side * fills.Size(), time, maker: null);
        }).ToList();
    }

    /// <summary>New versions of <paramref name="count"/> fills from the older half of the stored ones, resized (smaller or larger).</summary>
    public static IReadOnlyList<Fill> Revisions(SourceState state, NewFills fills, int count)
    {
        var random = fills.Random;
        var counted = state.Positions.SelectMany(p => p.Fills).OrderBy(f => f, FillOrder.Instance).ToList();
        var old = counted.Take(counted.Count / 2).OrderBy(_ => random.Next()).Take(count).ToList();
        double[] factors = [0.4, 1.75, 3];
        return old.Select((fill, i) =>
        {
            var microTokens = Math.Sign(fill.TokensDelta) * (long)(MicroTokens.FromTokens(fill.TokensDelta) * factors[i % factors.Length]);
            return fills.Revision(fill, f => NewFills.Resized(f, microTokens));
        }).ToList();
    }

    /// <summary>
    /// The newest stored fill of each of the <paramref name="count"/> most recently traded wallets inserted again: exact
    /// copies (same fill_id, _version and all), and for one of them an older version (lower _version) of another size,
    /// which the stored version outranks. Nothing changes.
    /// </summary>
    public static IReadOnlyList<Fill> Replays(SourceState state, int count)
    {
        var newest = NewestFills(state, state.Positions).Take(count).ToList();
        return [.. newest, OlderVersion(newest[0], newest[0].EventTime)];
    }

    /// <summary>
    /// For <paramref name="count"/> wallets trading unresolved markets, an older version (lower _version, another size)
    /// of the wallet's newest fill dated after everything stored, as a row of an orphaned block delivered late would be.
    /// The stored versions outrank them: nothing changes, though each is the latest row its wallet has.
    /// </summary>
    public static IReadOnlyList<Fill> StaleVersionsDatedLater(SourceState state, int count) =>
        NewestFills(state, state.Positions.Where(p => state.IsUnresolved(p.Key.ConditionId))).Take(count)
            .Select(fill => OlderVersion(fill, state.LastEventTime.AddHours(1))).ToList();

    /// <summary>The newest fill of each wallet among <paramref name="positions"/>, the most recent first.</summary>
    private static IEnumerable<Fill> NewestFills(SourceState state, IEnumerable<PositionState> positions) =>
        positions.Select(p => p.Fills[^1]).GroupBy(f => f.Wallet).Select(g => g.Max(FillOrder.Instance)!)
            .OrderByDescending(f => f, FillOrder.Instance);

    private static Fill OlderVersion(Fill stored, DateTime eventTime) =>
        NewFills.Resized(stored with { Version = stored.Version - 1, EventTime = eventTime },
            2 * Math.Sign(stored.TokensDelta) * MicroTokens.FromTokens(stored.TokensDelta));
}
