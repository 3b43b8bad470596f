using Bunit;
using Fifo.Admin.Components.Pages.Runs;
using Fifo.Admin.Jobs;
using Fifo.Admin.Tests.Fakes;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Quartz;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Runs;

public sealed class RunDetailPageTests : ComponentTestBase
{
    private readonly RecordedRunsController _controller = new();

    public RunDetailPageTests()
    {
        Services.AddLogging();
        Services.AddSingleton<IBackfillController>(_controller);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        Services.AddSingleton<BackfillStartCheck>();
        Services.AddSingleton<BackfillLauncher>();
        Services.AddQuartz();
    }

    [Fact]
    public void A_stopped_run_that_is_not_the_newest_can_be_cancelled_after_confirming()
    {
        // A paused run left behind a later run over other wallets: the home page offers nothing for it.
        _controller.Runs = [RecordedRunsController.Run("later", RunState.Completed), RecordedRunsController.Run("paused-old", RunState.Paused)];
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RunDetailPage>(p => p.Add(x => x.RunId, "paused-old"));
        page.WaitForAssertion(() => Assert.Contains("resume it from its last finished batch, or cancel it", page.Find("[data-testid=resumable]").TextContent));

        page.Find("[data-testid=cancel-stopped]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("is closed for good", dialogs.Markup));
        Assert.Empty(_controller.CancelledRuns);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Cancel run")).Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=resumable]")));
        Assert.Equal(["paused-old"], _controller.CancelledRuns);
        Assert.Contains("Cancelled", page.Markup);
    }
}
