using FsCheck;
using FsCheck.Fluent;

namespace Fifo.Testing.Generators;

/// <summary>For <c>[Property(Arbitrary = [typeof(FifoArbitraries)])]</c>: any scenario, odd prices and bad payouts included.</summary>
public static class FifoArbitraries
{
    public static Arbitrary<FifoScenario> Scenario() => FifoGenerators.Scenario(ScenarioOptions.Default).ToArbitrary();
}

/// <summary>For properties that only hold for well-formed input (prices in [0, 1], parseable payouts).</summary>
public static class WellFormedFifoArbitraries
{
    public static Arbitrary<FifoScenario> Scenario() => FifoGenerators.Scenario(ScenarioOptions.WellFormed).ToArbitrary();
}
