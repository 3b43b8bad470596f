using Bunit;
using Fifo.Admin.Components.Pages.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Backfill;

public sealed class WorkersPanelTests : ComponentTestBase
{
    [Fact]
    public void A_run_that_is_starting_waits_for_its_workers()
    {
        var panel = Render<WorkersPanel>(p => p.Add(c => c.RunGoing, true));

        Assert.Equal("No worker has started a batch yet.", panel.Find("[data-testid=workers-idle]").TextContent);
    }

    /// <summary>A finished or paused run (also one the CLI ran) has no workers: not "not yet".</summary>
    [Fact]
    public void Without_a_run_going_no_batch_is_running()
    {
        var panel = Render<WorkersPanel>(p => p.Add(c => c.RunGoing, false));

        Assert.Equal("No batch is running.", panel.Find("[data-testid=workers-idle]").TextContent);
    }
}
