using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>
/// Checks that FIFO only moves PnL between lots. Exact for tokens given to the micro-token (as on chain); a fill with
/// sub-micro-token digits moves the identity by at most |usdc_delta| · 0.5e-6 / |tokens_delta| (see docs/FIFO-RULES.md).
/// </summary>
public static class Conservation
{
    /// <param name="fills">Raw fills (filtered and deduplicated here as the engines do).</param>
    /// <param name="lots">The lots to check. For unresolved positions pass the open lots too, or ignore those results.</param>
    public static IReadOnlyList<PositionConservation> ByPosition(
        IEnumerable<Fill> fills, IEnumerable<LotRow> lots, IReadOnlyDictionary<string, ConditionPayout> payouts)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(payouts);
        var pnlByPosition = lots
            .GroupBy(PositionKey.Of)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Pnl: g.Sum(l => l.PnlUsd)));
        return CountedFills.Select(fills)
            .GroupBy(PositionKey.Of)
            .Select(position =>
            {
                var payout = payouts.GetValueOrDefault(position.Key.ConditionId);
                var netMicroTokens = position.Sum(f => Math.Sign(f.TokensDelta) * MicroTokens.FromTokens(f.TokensDelta));
                var (count, pnl) = pnlByPosition.GetValueOrDefault(position.Key);
                return new PositionConservation(
                    position.Key,
                    Resolved: payout is not null,
                    Lots: count,
                    LotsPnl: pnl,
                    CashFlow: position.Sum(f => f.UsdcDelta),
                    NetTokens: MicroTokens.ToTokens(netMicroTokens),
                    PayoutRate: payout?.RateFor(position.Key.OutcomeIndex) ?? 0);
            })
            .OrderBy(p => p.Position.Wallet, StringComparer.Ordinal)
            .ThenBy(p => p.Position.ConditionId, StringComparer.Ordinal)
            .ThenBy(p => p.Position.OutcomeIndex)
            .ToList();
    }

    /// <summary>Per wallet over its resolved positions only, as the validator checks it on stored (resolved) rows.</summary>
    public static IReadOnlyList<WalletConservation> ByWallet(IEnumerable<PositionConservation> positions) =>
        positions
            .Where(p => p.Resolved)
            .GroupBy(p => p.Position.Wallet, StringComparer.Ordinal)
            .Select(g => new WalletConservation(g.Key, g.Count(), g.Sum(p => p.LotsPnl), g.Sum(p => p.Expected)))
            .OrderBy(w => w.Wallet, StringComparer.Ordinal)
            .ToList();
}
