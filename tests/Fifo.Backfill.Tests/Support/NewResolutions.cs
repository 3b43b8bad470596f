using Fifo.Core.Model;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// New rows for the resolutions table, all inserted after every stored one (newer insert_time): markets holding open
/// positions resolve — some that just got new fills, one that did not —, a resolved market is re-resolved to another
/// winner, another gets a newer row with empty numerators (unresolved again: the spec's current row has no payout), and a
/// third gets a newer deleted row naming another winner, which the spec ignores.
/// </summary>
internal static class NewResolutions
{
    /// <param name="state">The source tables with the new fills already in them.</param>
    /// <param name="newFills">Fills inserted since the last run: their markets are the ones that "just got new fills".</param>
    public static IReadOnlyList<Resolution> Build(SourceState state, IReadOnlyCollection<Fill> newFills, Random random)
    {
        var (resolvedAt, insertTime) = After(state);
        var rows = new List<Resolution>();
        void Add(string market, string numerators, bool deleted = false)
        {
            rows.Add(Row(market, numerators, resolvedAt, insertTime, deleted));
            insertTime = insertTime.AddSeconds(1); // one current row per market, whatever the tie-breaks
        }

        var traded = newFills.Select(f => f.ConditionId).ToHashSet();
        var heldOpen = state.Positions.Where(p => p.NetMicroTokens != 0 && state.IsUnresolved(p.Key.ConditionId))
            .Select(p => p.Key.ConditionId).Distinct().OrderBy(_ => random.Next()).ToList();
        var toResolve = heldOpen.Where(traded.Contains).Take(2).Concat(heldOpen.Where(m => !traded.Contains(m)).Take(1)).ToList();
        Xunit.Assert.True(toResolve.Count == 3, "expected open positions in markets with and without new fills");
        for (var i = 0; i < toResolve.Count; i++)
        {
            var outcomes = state.OutcomeCount(toResolve[i]);
            // One 50-50 payout; the others name a winner, numbers quoted (["0","1"]) or not ([0,1]) as the spec allows.
            Add(toResolve[i], i == 0 ? Numerators(Enumerable.Repeat(1, outcomes), quoted: false)
                : Numerators(Winner(outcomes, random.Next(outcomes)), quoted: i == 2));
        }

        var resolvedHeld = state.Payouts.Keys.Where(m => state.Positions.Any(p => p.Key.ConditionId == m))
            .Order(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(3).ToList();
        Xunit.Assert.True(resolvedHeld.Count == 3, "expected resolved markets with positions");
        Add(resolvedHeld[0], Numerators(Winner(state.OutcomeCount(resolvedHeld[0]), OtherWinner(state, resolvedHeld[0])), quoted: false));
        Add(resolvedHeld[1], "");
        Add(resolvedHeld[2], Numerators(Winner(state.OutcomeCount(resolvedHeld[2]), OtherWinner(state, resolvedHeld[2])), quoted: false),
            deleted: true);
        return rows;
    }

    /// <summary>A resolution of <paramref name="market"/> paying <paramref name="winner"/>, newer than every stored row and fill.</summary>
    public static Resolution Paying(SourceState state, string market, int winner)
    {
        var (resolvedAt, insertTime) = After(state);
        return Row(market, Numerators(Winner(state.OutcomeCount(market), winner), quoted: false), resolvedAt, insertTime);
    }

    /// <summary>Resolved an hour after the newest fill; inserted after that and after every stored resolution row.</summary>
    private static (DateTime ResolvedAt, DateTime InsertTime) After(SourceState state)
    {
        var resolvedAt = state.LastEventTime.AddHours(1);
        return (resolvedAt, (state.LastResolutionInsert > resolvedAt ? state.LastResolutionInsert : resolvedAt).AddMinutes(1));
    }

    /// <summary>A row as the demo data writes them: the denominator is the numerators' sum, empty with them.</summary>
    private static Resolution Row(string market, string numerators, DateTime resolvedAt, DateTime insertTime, bool deleted = false) =>
        new(market, numerators, numerators == "" ? "" : Numbers(numerators).Sum().ToString(), resolvedAt, deleted, insertTime);

    /// <summary>An outcome that the market's current payout does not pay in full.</summary>
    private static int OtherWinner(SourceState state, string market)
    {
        var numerators = state.Payouts[market].Numerators;
        var paidMost = numerators.ToList().IndexOf(numerators.Max());
        return (paidMost + 1) % numerators.Count;
    }

    private static IEnumerable<int> Winner(int outcomes, int winner) => Enumerable.Range(0, outcomes).Select(i => i == winner ? 1 : 0);

    private static string Numerators(IEnumerable<int> numbers, bool quoted) =>
        "[" + string.Join(",", numbers.Select(n => quoted ? $"\"{n}\"" : n.ToString())) + "]";

    private static IEnumerable<int> Numbers(string numerators) =>
        numerators.Trim('[', ']').Split(',').Select(n => int.Parse(n.Trim('"')));
}
