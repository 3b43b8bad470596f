using Fifo.Core.Model;
using Fifo.Core.Options;

namespace Fifo.Core.Lots;

/// <summary>
/// The in-memory reference implementation of docs/FIFO-SPEC: every lot of every position in the given fills, open lots
/// included (<see cref="LotRow.Status"/> tells them apart). The SQL engine must produce the same resolved and closed rows.
/// </summary>
public static class FifoReferenceEngine
{
    /// <param name="fills">Raw fill rows of any number of wallets; duplicates and non-counting rows are filtered here.</param>
    /// <param name="payouts">Resolved conditions by condition_id (see <see cref="ResolutionSelector"/>); absent = unresolved.</param>
    /// <returns>Lots ordered by position (ordinal), then by opening fill in (event_time, fill_id) order.</returns>
    public static IReadOnlyList<LotRow> Compute(
        IEnumerable<Fill> fills, IReadOnlyDictionary<string, ConditionPayout> payouts, FifoOptions options)
    {
        ArgumentNullException.ThrowIfNull(payouts);
        ArgumentNullException.ThrowIfNull(options);
        // tokens_held < dust must hold for a fully exited lot, so the dust has to be positive.
        if (!(options.DustTokens > 0) || !double.IsFinite(options.DustTokens))
            throw new ArgumentOutOfRangeException(nameof(options), options.DustTokens, "Fifo:DustTokens must be a finite number > 0.");

        var lots = new List<LotRow>();
        var positions = CountedFills.Select(fills)
            .GroupBy(PositionKey.Of)
            .OrderBy(g => g.Key.Wallet, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ConditionId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OutcomeIndex);
        foreach (var position in positions)
        {
            var payout = payouts.GetValueOrDefault(position.Key.ConditionId);
            lots.AddRange(MatchPosition(position).Select(lot => lot.ToRow(payout, options.DustTokens)));
        }
        return lots;
    }

    /// <summary>
    /// Chronological FIFO inventory in micro-tokens. The open lots of a position are always all long or all short: a
    /// fill first closes the oldest lots of the other side, and whatever is left of it opens a lot of its own. This is
    /// the spec's "bought token k is matched with sold token k".
    /// </summary>
    private static List<OpeningLot> MatchPosition(IEnumerable<Fill> positionFills)
    {
        var opened = new List<OpeningLot>();
        var inventory = new Queue<OpeningLot>();
        foreach (var fill in positionFills.Order(FillOrder.Instance))
        {
            var isBuy = fill.TokensDelta > 0;
            var price = Math.Abs(fill.UsdcDelta) / Math.Abs(fill.TokensDelta);
            var remaining = MicroTokens.FromTokens(fill.TokensDelta);
            while (remaining > 0 && inventory.TryPeek(out var oldest) && oldest.IsShort == isBuy)
            {
                var closing = Math.Min(remaining, oldest.OpenMicroTokens);
                oldest.Close(closing, price, fill.EventTime);
                remaining -= closing;
                if (oldest.OpenMicroTokens == 0)
                    inventory.Dequeue();
            }
            if (remaining > 0)
            {
                var lot = new OpeningLot(fill, isShort: !isBuy, remaining, price);
                opened.Add(lot);
                inventory.Enqueue(lot);
            }
        }
        return opened;
    }
}
