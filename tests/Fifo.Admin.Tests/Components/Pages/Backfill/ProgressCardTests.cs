using Bunit;
using Fifo.Admin.Components.Pages.Backfill;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Backfill;

public sealed class ProgressCardTests : ComponentTestBase
{
    private static readonly ProgressSnapshot Running = new(
        BatchesTotal: 10, BatchesDone: 3, BatchesFailed: 1, WalletsTotal: 5_000, WalletsDone: 1_200,
        FillsTotal: 1_000_000, FillsDone: 250_000, RowsWritten: 81_234, Retries: 2,
        FillsPerSecond: 1_250_000, WalletsPerMinute: 36_000, Elapsed: TimeSpan.FromSeconds(12.5), Eta: TimeSpan.FromSeconds(37.5));

    [Fact]
    public void Without_a_run_it_says_so()
    {
        var card = Render<ProgressCard>();

        Assert.Contains("No backfill yet", card.Markup);
        Assert.Empty(card.FindAll("[data-testid=progress-bar]"));
    }

    [Fact]
    public void Shows_share_of_fills_done_and_every_figure()
    {
        var card = Render<ProgressCard>(p => p
            .Add(c => c.RunId, "r-1")
            .Add(c => c.State, RunState.Running)
            .Add(c => c.Mode, BackfillMode.Full)
            .Add(c => c.Progress, Running));

        Assert.Equal("25.0%", Text(card, "progress-percent"));
        Assert.Equal("3 / 10", Text(card, "batches"));
        Assert.Equal("1,200 / 5,000", Text(card, "wallets"));
        Assert.Equal("250,000 / 1,000,000", Text(card, "fills"));
        Assert.Equal("81,234", Text(card, "rows"));
        Assert.Equal("1.25M", Text(card, "fills-per-second"));
        Assert.Equal("36k", Text(card, "wallets-per-minute"));
        Assert.Equal("12.5 s", Text(card, "elapsed"));
        Assert.Equal("37.5 s", Text(card, "eta"));
        Assert.Equal("2", Text(card, "retries"));
        Assert.Equal("1", Text(card, "failed-batches"));
        Assert.Equal("Running", Text(card, "run-state"));
        Assert.Contains("Run r-1", card.Markup);
    }

    [Fact]
    public void A_finished_run_has_no_eta()
    {
        var card = Render<ProgressCard>(p => p
            .Add(c => c.RunId, "r-2")
            .Add(c => c.State, RunState.Completed)
            .Add(c => c.Progress, Running with { BatchesDone = 10, FillsDone = 1_000_000, Eta = TimeSpan.Zero }));

        Assert.Equal("100.0%", Text(card, "progress-percent"));
        Assert.Equal("–", Text(card, "eta"));
        Assert.Equal("Completed", Text(card, "run-state"));
    }

    [Fact]
    public void A_run_that_ended_with_failed_batches_fills_the_bar_and_says_how_many_failed()
    {
        var card = Render<ProgressCard>(p => p
            .Add(c => c.RunId, "r-4")
            .Add(c => c.State, RunState.Failed)
            .Add(c => c.Progress, Running with { BatchesDone = 8, BatchesFailed = 2, FillsDone = 800_000, Eta = null }));

        Assert.Equal("100.0%", Text(card, "progress-percent"));
        Assert.Equal("100", card.Find("[data-testid=progress-bar]").GetAttribute("aria-valuenow"));
        Assert.Equal("· 2 failed", Text(card, "progress-failed"));
        Assert.Equal("8 / 10", Text(card, "batches"));
        Assert.Equal("2", Text(card, "failed-batches"));
    }

    [Fact]
    public void Falls_back_to_batches_when_fill_totals_are_unknown()
    {
        var card = Render<ProgressCard>(p => p
            .Add(c => c.RunId, "r-3")
            .Add(c => c.State, RunState.Paused)
            .Add(c => c.Message, "paused by operator")
            .Add(c => c.Progress, Running with { FillsTotal = 0, FillsDone = 0, BatchesDone = 4 }));

        Assert.Equal("40.0%", Text(card, "progress-percent"));
        Assert.Equal("paused by operator", Text(card, "run-message"));
    }

    private static string Text(IRenderedComponent<ProgressCard> card, string testId) =>
        card.Find($"[data-testid={testId}]").TextContent.Trim();
}
