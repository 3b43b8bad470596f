using Fifo.Core.Lots;
using Fifo.Core.Model;
using Xunit;

namespace Fifo.Core.Tests.Lots;

/// <summary>The spec's invariants over one computed scenario; each throws with the offending lot or position.</summary>
internal static class ScenarioChecks
{
    public const double Usd = 1e-6;

    public static void ConservesPnlPerPosition(ScenarioRun run)
    {
        foreach (var p in run.Conservation())
        {
            if (!(Math.Abs(p.Difference) <= Usd))
                Assert.Fail($"{p.Position}: Σ pnl {p.LotsPnl:R} != cash {p.CashFlow:R} + {p.NetTokens:R} tokens · {p.PayoutRate:R}");
        }
    }

    /// <summary>Per wallet over resolved positions, from the resolved rows only (what the lots table holds).</summary>
    public static void ConservesPnlPerWallet(ScenarioRun run)
    {
        var resolvedLots = run.Lots.Where(l => l.Status == LotStatus.Resolved).ToList();
        var positions = Fifo.Core.Lots.Conservation.ByPosition(run.Scenario.Fills, resolvedLots, run.Resolutions.Payouts);
        foreach (var w in Fifo.Core.Lots.Conservation.ByWallet(positions))
        {
            if (!(Math.Abs(w.Difference) <= Usd))
                Assert.Fail($"wallet {w.Wallet}: Σ pnl {w.LotsPnl:R} != {w.Expected:R} over {w.ResolvedPositions} resolved positions");
        }
    }

    public static void MatchesTokenNumbering(ScenarioRun run)
    {
        var expected = TokenNumberingOracle.Lots(run.Scenario.Fills).ToDictionary(e => e.Key);
        Assert.Equal(expected.Count, run.Lots.Count);
        foreach (var lot in run.Lots)
        {
            var key = LotKey.Of(lot);
            Assert.True(expected.TryGetValue(key, out var e), $"engine lot {key} is not in the token numbering");
            Assert.Equal(MicroTokens.ToTokens(e.MicroTokens), lot.Tokens);
            Assert.Equal(MicroTokens.ToTokens(e.ClosedMicroTokens), lot.TokensSoldEarly);
            Assert.Equal(MicroTokens.ToTokens(e.MicroTokens - e.ClosedMicroTokens), lot.TokensHeld);
            Assert.Equal(e.ExitTime, lot.ExitTime);
            var closedValue = lot.IsShort
                ? lot.Tokens * lot.EntryPrice - lot.PnlUsd - lot.TokensHeld * lot.PayoutRate
                : lot.ExitValue - lot.TokensHeld * lot.PayoutRate;
            Assert.True(Math.Abs(closedValue - e.ClosedValue) <= Usd, $"{key}: closed value {closedValue:R} vs {e.ClosedValue:R}");
        }
    }

    public static void HoldsRowIdentities(ScenarioRun run, bool pricesInUnitInterval)
    {
        foreach (var lot in run.Lots)
        {
            var key = LotKey.Of(lot);
            Assert.True(lot.Tokens > 0, $"{key}: tokens {lot.Tokens}");
            Assert.True(Micro(lot.TokensSoldEarly) + Micro(lot.TokensHeld) == Micro(lot.Tokens), $"{key}: sold early + held != tokens");
            Assert.True(Math.Abs(lot.ExitValue - lot.CostUsd - lot.PnlUsd) <= Usd, $"{key}: pnl != exit - cost");
            // As the validator allows: in both engines 100 · closed is rounded before the division, so a fully exited
            // lot of more than 2^53 / 100 micro-tokens (90M tokens) can come out one step above 100.
            Assert.InRange(lot.PctSoldEarly, 0, 100 + 1e-9);
            Assert.True(lot.CostUsd == 0 ? lot.Roi == 0 : Math.Abs(lot.Roi * lot.CostUsd - lot.PnlUsd) <= Usd, $"{key}: roi");
            if (!lot.IsShort)
                Assert.True(lot.Roi >= -1, $"{key}: long roi {lot.Roi:R} below -1");
            if (pricesInUnitInterval && lot.IsShort)
                Assert.True(lot.CostUsd >= 0, $"{key}: short cost {lot.CostUsd:R} < 0");
            Assert.Equal(lot.ResolvedAt is null && lot.TokensHeld < 0.01, lot.IsClosed);
            var payout = run.Resolutions.Payouts.GetValueOrDefault(lot.ConditionId);
            Assert.Equal(payout?.ResolvedAt, lot.ResolvedAt);
            Assert.Equal(payout?.RateFor(lot.OutcomeIndex) ?? 0, lot.PayoutRate);
        }
    }

    /// <summary>A token amount as the integer micro-tokens it stands for (exact up to 2^53 micro-tokens).</summary>
    private static long Micro(double tokens) => (long)Math.Round(tokens * MicroTokens.PerToken);

    public static void IgnoresNonCountingRows(ScenarioRun run)
    {
        var counted = CountedFills.Select(run.Scenario.Fills).Select(f => (f.Wallet, f.FillId)).ToHashSet();
        Assert.All(run.Lots, l => Assert.Contains((l.Wallet, l.TxHash), counted));
        Assert.DoesNotContain(run.Lots, l => l.Wallet == CountedFills.ZeroAddress);
    }
}
