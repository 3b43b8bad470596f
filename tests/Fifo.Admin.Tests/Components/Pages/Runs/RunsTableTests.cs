using Bunit;
using Fifo.Admin.Components.Pages.Runs;
using Fifo.Admin.Tests.Fakes;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Runs;

public sealed class RunsTableTests : ComponentTestBase
{
    /// <summary>The planner records every run's range; "0-f" is a run over all wallets.</summary>
    [Fact]
    public void A_run_over_every_wallet_reads_all()
    {
        var all = RecordedRunsController.Run("r-all", RunState.Completed) with { WalletRange = "0-f" };
        var part = RecordedRunsController.Run("r-part", RunState.Completed) with { WalletRange = "0-3" };

        var table = Render<RunsTable>(p => p.Add(t => t.Runs, [all, part]));

        Assert.Equal(["all", "0-3"], table.FindAll("td[data-label=Wallets]").Select(td => td.TextContent.Trim()));
    }
}
