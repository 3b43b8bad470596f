using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>
/// The spec's "Which fills count": duplicates of a (wallet, fill_id) collapse to their newest version first, then that
/// row counts when it is a CLOB fill of a real wallet, not the maker leg of a self-fill, and at least one micro-token.
/// </summary>
public static class CountedFills
{
    public const string ClobSource = "clob";
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>
    /// A fill moving this many USD or more does not count (docs/FIFO-RULES.md): far beyond any real fill, and the SQL
    /// engine's exact pico-USD sums (Int128) must not overflow however many such fills a wallet has.
    /// </summary>
    public const double MaxAbsUsdcDelta = 1e20;

    public static IReadOnlyList<Fill> Select(IEnumerable<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var newest = new Dictionary<(string Wallet, string FillId), Fill>();
        foreach (var fill in fills)
        {
            var key = (fill.Wallet, fill.FillId);
            if (!newest.TryGetValue(key, out var kept) || IsNewer(fill, kept))
                newest[key] = fill;
        }
        return newest.Values.Where(Counts).ToList();
    }

    /// <summary>Whether a row (already the newest version of its fill_id) takes part in matching.</summary>
    public static bool Counts(Fill fill) =>
        fill.Source == ClobSource
        && fill.Wallet != ZeroAddress
        && !(fill.IsSelfFill && fill.IsMaker)
        && MicroTokens.FromTokens(fill.TokensDelta) >= 1
        && HasUsableUsdc(fill);

    /// <summary>A finite usdc_delta below <see cref="MaxAbsUsdcDelta"/>; the validation report counts the others.</summary>
    public static bool HasUsableUsdc(Fill fill) => double.IsFinite(fill.UsdcDelta) && Math.Abs(fill.UsdcDelta) < MaxAbsUsdcDelta;

    /// <summary>
    /// Highest _version wins. Rows with equal _version should be identical copies; if they are not, the tie is broken by
    /// (block_number, event_time, tokens_delta, usdc_delta, condition_id, outcome_index), highest first, so the choice
    /// never depends on input order. (Rows tied on all of these repeat the fills table's whole sort key, which FINAL
    /// collapses in the SQL engine.)
    /// </summary>
    public static bool IsNewer(Fill candidate, Fill kept)
    {
        var order = candidate.Version.CompareTo(kept.Version);
        if (order == 0) order = candidate.BlockNumber.CompareTo(kept.BlockNumber);
        if (order == 0) order = candidate.EventTime.CompareTo(kept.EventTime);
        if (order == 0) order = candidate.TokensDelta.CompareTo(kept.TokensDelta);
        if (order == 0) order = candidate.UsdcDelta.CompareTo(kept.UsdcDelta);
        if (order == 0) order = string.CompareOrdinal(candidate.ConditionId, kept.ConditionId);
        if (order == 0) order = candidate.OutcomeIndex.CompareTo(kept.OutcomeIndex);
        return order > 0;
    }
}
