using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Fifo.Testing.Generators;

namespace Fifo.Core.Tests.Lots;

/// <summary>A generated scenario computed by the reference engine, with the payouts it used.</summary>
internal sealed record ScenarioRun(FifoScenario Scenario, ResolutionSelection Resolutions, IReadOnlyList<LotRow> Lots)
{
    public static ScenarioRun Of(FifoScenario scenario)
    {
        var resolutions = ResolutionSelector.Select(scenario.Resolutions);
        return new ScenarioRun(scenario, resolutions, FifoReferenceEngine.Compute(scenario.Fills, resolutions.Payouts, new FifoOptions()));
    }

    public IReadOnlyList<PositionConservation> Conservation() =>
        Fifo.Core.Lots.Conservation.ByPosition(Scenario.Fills, Lots, Resolutions.Payouts);
}
