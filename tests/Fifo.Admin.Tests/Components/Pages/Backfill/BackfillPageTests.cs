using Bunit;
using Fifo.Admin.Components.Pages.Backfill;
using Fifo.Admin.Jobs;
using Fifo.Admin.Live;
using Fifo.Admin.Tests.Fakes;
using Fifo.Core.Backfill;
using BackfillOptions = Fifo.Core.Options.BackfillOptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Backfill;

/// <summary>The home page while another process (the CLI) executes a run: no events reach this app, only the runs table.</summary>
public sealed class BackfillPageTests : ComponentTestBase
{
    private readonly RecordedRunsController _controller = new();
    private readonly FakeTimeProvider _time = new();

    public BackfillPageTests()
    {
        Services.AddLogging();
        Services.AddSingleton<IBackfillController>(_controller);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(Options.Create(new BackfillOptions()));
        Services.AddSingleton(Options.Create(new LiveFeedOptions()));
        Services.AddSingleton<BackfillLiveFeed>();
        Services.AddSingleton<BackfillStartCheck>();
        Services.AddSingleton<BackfillLauncher>();
        Services.AddQuartz();
    }

    [Fact]
    public void A_run_of_another_process_blocks_start_and_is_followed_until_it_ends()
    {
        var running = RecordedRunsController.Run("cli-1", RunState.Running);
        _controller.Runs = [running];

        var page = Render<BackfillPage>();

        page.WaitForAssertion(() => Assert.Equal("4 / 10", page.Find("[data-testid=batches]").TextContent));
        Assert.True(page.Find("[data-testid=start]").HasAttribute("disabled"));
        Assert.Contains("Run cli-1 is running in another process", page.Find("[data-testid=start-blocked]").TextContent);

        _controller.Runs = [running with { State = RunState.Completed, Progress = running.Progress with { BatchesDone = 10 } }];
        _time.Advance(BackfillPage.ElsewherePollInterval);

        page.WaitForAssertion(() => Assert.Equal("10 / 10", page.Find("[data-testid=batches]").TextContent));
        Assert.False(page.Find("[data-testid=start]").HasAttribute("disabled"));
    }
}
