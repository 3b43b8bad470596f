using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.Generators;
using Xunit;

namespace Fifo.Core.Tests.Lots;

/// <summary>
/// A fixed, reproducible sample of thousands of positions (the same the SQL engine's differential test can load):
/// every invariant on each, and proof that the generator really produces every case the spec names.
/// </summary>
public sealed class GeneratedSweepTests
{
    private const ulong Seed = 20_240_301;
    private static readonly IReadOnlyList<ScenarioRun> Runs =
        FifoGenerators.Sample(Seed, 1500).Select(ScenarioRun.Of).ToList();

    [Fact]
    public void Sample_holds_every_invariant_on_thousands_of_positions()
    {
        var positions = Runs.Sum(r => r.Scenario.Fills.Select(f => (f.Wallet, f.ConditionId, f.OutcomeIndex)).Distinct().Count());
        Assert.True(positions >= 5000, $"only {positions} positions");

        foreach (var run in Runs)
        {
            ScenarioChecks.ConservesPnlPerPosition(run);
            ScenarioChecks.ConservesPnlPerWallet(run);
            ScenarioChecks.MatchesTokenNumbering(run);
            ScenarioChecks.HoldsRowIdentities(run, pricesInUnitInterval: false);
            ScenarioChecks.IgnoresNonCountingRows(run);
        }
    }

    [Fact]
    public void Sample_is_reproducible()
    {
        var again = FifoGenerators.Sample(Seed, 20);

        Assert.Equal(Runs.Take(20).Select(r => r.Scenario.ToString()), again.Select(s => s.ToString()));
    }

    [Fact]
    public void Sample_covers_every_case_the_spec_names()
    {
        var fills = Runs.SelectMany(r => r.Scenario.Fills).ToList();
        var lots = Runs.SelectMany(r => r.Lots).ToList();
        var resolutions = Runs.SelectMany(r => r.Scenario.Resolutions).ToList();
        var problems = Runs.SelectMany(r => r.Resolutions.Problems).ToList();
        // Each condition's rows that tie for current: not deleted, at the newest insert_time.
        var tiedForCurrent = resolutions.Where(r => !r.IsDeleted).GroupBy(r => r.ConditionId)
            .Select(g => g.GroupBy(r => r.InsertTime).MaxBy(t => t.Key)!.ToList()).Where(t => t.Count > 1).ToList();
        // Every version of each fill_id repeated in a wallet, with the row that counts.
        var versions = fills.GroupBy(f => (f.Wallet, f.FillId)).Where(g => g.Count() > 1)
            .Select(g => (Rows: g.ToList(), Newest: g.Aggregate((kept, f) => CountedFills.IsNewer(f, kept) ? f : kept))).ToList();
        // Each position's rows in fill order, as the SQL engine reads them: rows repeating a whole key merged (FINAL).
        var positionRows = fills.GroupBy(PositionKey.Of)
            .Select(p => p.DistinctBy(f => (f.EventTime, f.FillId)).Order(FillOrder.Instance).Select(f => f.FillId).ToList()).ToList();

        var cases = new Dictionary<string, bool>
        {
            ["self-fill maker legs"] = fills.Any(f => f.IsSelfFill && f.IsMaker),
            ["non-clob rows"] = fills.Any(f => f.Source != CountedFills.ClobSource),
            ["zero wallet"] = fills.Any(f => f.Wallet == CountedFills.ZeroAddress),
            ["sub-micro-token rows"] = fills.Any(f => MicroTokens.FromTokens(f.TokensDelta) == 0),
            ["duplicates with versions"] = fills.GroupBy(f => (f.Wallet, f.FillId)).Any(g => g.Select(f => f.Version).Distinct().Count() > 1),
            ["identical copies"] = fills.GroupBy(f => f).Any(g => g.Count() > 1),
            ["newer version at another time"] = versions.Any(v => v.Rows.Any(f =>
                PositionKey.Of(f) == PositionKey.Of(v.Newest) && f.EventTime != v.Newest.EventTime)),
            ["newer version in another position"] = versions.Any(v => v.Rows.Any(f => PositionKey.Of(f) != PositionKey.Of(v.Newest))),
            ["three or more versions"] = versions.Any(v => v.Rows.Select(f => f.Version).Distinct().Count() >= 3),
            ["equal versions decided by block_number"] = versions.Any(v => v.Rows.Any(f =>
                f.Version == v.Newest.Version && f.BlockNumber < v.Newest.BlockNumber && f.EventTime > v.Newest.EventTime
                && PositionKey.Of(f) == PositionKey.Of(v.Newest))),
            ["equal versions in two positions decided by block_number"] = versions.Any(v => v.Rows.Any(f =>
                f.Version == v.Newest.Version && f.BlockNumber < v.Newest.BlockNumber && PositionKey.Of(f) != PositionKey.Of(v.Newest))),
            ["two versions next to each other in fill order"] = positionRows.Any(ids => ids.Zip(ids.Skip(1)).Any(p => p.First == p.Second)),
            ["three versions next to each other in fill order"] = positionRows.Any(ids =>
                ids.Zip(ids.Skip(1), ids.Skip(2)).Any(t => t.First == t.Second && t.Second == t.Third)),
            ["equal event times"] = fills.GroupBy(f => (f.Wallet, f.ConditionId, f.OutcomeIndex, f.EventTime)).Any(g => g.Count() > 1),
            ["prices outside [0,1]"] = lots.Any(l => l.EntryPrice > 1),
            ["zero prices"] = lots.Any(l => l.EntryPrice == 0),
            ["short lots"] = lots.Any(l => l.IsShort),
            ["covered shorts"] = lots.Any(l => l.IsShort && l.TokensSoldEarly > 0),
            ["partial exits"] = lots.Any(l => l.TokensSoldEarly > 0 && l.TokensHeld > 0),
            ["dust closes"] = lots.Any(l => l.IsClosed && l.TokensHeld > 0),
            ["whale fills of 100M USD and more"] = fills.Any(f => Math.Abs(f.UsdcDelta) >= 1e8),
            ["lots under 1 USD in positions with 100M USD and more"] = lots.GroupBy(PositionKey.Of).Any(p =>
                p.Sum(l => l.CostUsd) >= 1e8 && p.Any(l => l.CostUsd > 0 && l.CostUsd < 1)),
            ["fill opening one lot and closing others"] = lots.Any(l => lots.Any(o => o.ExitTime == l.EntryTime && o.IsShort != l.IsShort && o.Wallet == l.Wallet && o.ConditionId == l.ConditionId)),
            ["open lots"] = lots.Any(l => l.Status == LotStatus.Open),
            ["closed lots"] = lots.Any(l => l.Status == LotStatus.Closed),
            ["resolved lots"] = lots.Any(l => l.Status == LotStatus.Resolved),
            ["50-50 payouts"] = lots.Any(l => l.PayoutRate == 0.5),
            ["outcome beyond numerators"] = lots.Any(l => l.ResolvedAt is not null && l.OutcomeIndex == 2),
            ["quoted numerators"] = resolutions.Any(r => r.PayoutNumerators.Contains('"')),
            ["deleted resolution rows"] = resolutions.Any(r => r.IsDeleted),
            ["current resolution decided by resolved_at"] = tiedForCurrent.Any(t => t.Select(r => r.ResolvedAt).Distinct().Count() > 1),
            ["current resolution decided by the numerators text"] = tiedForCurrent.Any(t =>
                t.GroupBy(r => r.ResolvedAt).MaxBy(g => g.Key)!.Select(r => r.PayoutNumerators).Distinct().Count() > 1),
            ["empty numerators"] = resolutions.Any(r => PayoutParser.IsEmpty(r.PayoutNumerators)),
            ["unparseable numerators reported"] = problems.Count > 0,
        };

        Assert.Empty(cases.Where(c => !c.Value).Select(c => c.Key));
    }
}
