using Fifo.Core.Lots;
using Fifo.Core.Options;
using Fifo.Testing.Generators;
using FsCheck.Xunit;
using Xunit;

namespace Fifo.Core.Tests.Lots;

/// <summary>Spec invariants over random scenarios (several wallets and positions each).</summary>
public sealed class FifoPropertyTests
{
    private const int Runs = 300;

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Pnl_is_conserved_per_position(FifoScenario scenario) =>
        ScenarioChecks.ConservesPnlPerPosition(ScenarioRun.Of(scenario));

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Pnl_is_conserved_per_wallet_over_resolved_rows(FifoScenario scenario) =>
        ScenarioChecks.ConservesPnlPerWallet(ScenarioRun.Of(scenario));

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Matching_pairs_bought_token_k_with_sold_token_k_exactly(FifoScenario scenario) =>
        ScenarioChecks.MatchesTokenNumbering(ScenarioRun.Of(scenario));

    [Property(MaxTest = Runs, Arbitrary = [typeof(WellFormedFifoArbitraries)])]
    public void Rows_hold_the_spec_identities(FifoScenario scenario) =>
        ScenarioChecks.HoldsRowIdentities(ScenarioRun.Of(scenario), pricesInUnitInterval: true);

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Only_counted_fills_open_lots(FifoScenario scenario) =>
        ScenarioChecks.IgnoresNonCountingRows(ScenarioRun.Of(scenario));

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Input_order_does_not_change_any_lot(FifoScenario scenario, int seed)
    {
        var shuffled = scenario.Fills.ToArray();
        new Random(seed).Shuffle(shuffled);
        var resolutions = scenario.Resolutions.Reverse().ToArray();

        var expected = ScenarioRun.Of(scenario).Lots;
        var actual = ScenarioRun.Of(new FifoScenario(shuffled, resolutions)).Lots;

        Assert.Equal(expected, actual);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(FifoArbitraries)])]
    public void Wallets_are_computed_independently(FifoScenario scenario)
    {
        var all = ScenarioRun.Of(scenario);
        var payouts = all.Resolutions.Payouts;

        var perWallet = scenario.Fills
            .GroupBy(f => f.Wallet)
            .SelectMany(w => FifoReferenceEngine.Compute(w, payouts, new FifoOptions()))
            .OrderBy(l => LotKey.Of(l).ToString(), StringComparer.Ordinal);

        Assert.Equal(all.Lots.OrderBy(l => LotKey.Of(l).ToString(), StringComparer.Ordinal), perWallet);
    }
}
