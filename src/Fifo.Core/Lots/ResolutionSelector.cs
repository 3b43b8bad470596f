using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>
/// Picks each condition's current resolution row and turns it into a payout (see docs/FIFO-RULES.md, "Resolutions").
/// As the spec says: a deleted row does not exist; the current row is the newest remaining one by insert_time, and
/// the condition is resolved when that row has non-empty numerators (which must parse, with a positive sum).
/// </summary>
public static class ResolutionSelector
{
    public static ResolutionSelection Select(IEnumerable<Resolution> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var current = new Dictionary<string, Resolution>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !r.IsDeleted))
        {
            if (!current.TryGetValue(row.ConditionId, out var kept) || IsNewer(row, kept))
                current[row.ConditionId] = row;
        }

        var payouts = new Dictionary<string, ConditionPayout>(StringComparer.Ordinal);
        var problems = new List<PayoutProblem>();
        foreach (var row in current.Values.OrderBy(r => r.ConditionId, StringComparer.Ordinal))
        {
            if (PayoutParser.IsEmpty(row.PayoutNumerators))
                continue;
            if (PayoutParser.TryParse(row.PayoutNumerators, out var numerators, out var error))
                payouts[row.ConditionId] = new ConditionPayout(row.ConditionId, numerators, row.ResolvedAt);
            else
                problems.Add(new PayoutProblem(row.ConditionId, row.PayoutNumerators, error));
        }
        return new ResolutionSelection(payouts, problems);
    }

    /// <summary>
    /// Newest insert_time wins; at equal insert_time the later resolved_at, then the ordinally greater numerators text,
    /// so the choice never depends on row order.
    /// </summary>
    public static bool IsNewer(Resolution candidate, Resolution kept)
    {
        var order = candidate.InsertTime.CompareTo(kept.InsertTime);
        if (order == 0) order = candidate.ResolvedAt.CompareTo(kept.ResolvedAt);
        if (order == 0) order = string.CompareOrdinal(candidate.PayoutNumerators, kept.PayoutNumerators);
        return order > 0;
    }
}
