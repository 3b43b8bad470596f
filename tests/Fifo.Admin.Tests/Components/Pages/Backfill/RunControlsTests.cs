using Bunit;
using Fifo.Admin.Components.Pages.Backfill;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Backfill;

public sealed class RunControlsTests : ComponentTestBase
{
    private static readonly string[] Buttons = ["start", "pause", "resume", "cancel", "retry-failed"];

    public static TheoryData<RunState?, bool, string[]> Cases => new()
    {
        // current run state (null = none), launching, enabled buttons
        { null, false, ["start"] },
        { null, true, [] },
        { RunState.Pending, false, ["cancel"] },
        { RunState.Running, false, ["pause", "cancel"] },
        { RunState.Pausing, false, ["cancel"] },
        { RunState.Cancelling, false, [] },
        { RunState.Paused, false, ["resume", "cancel"] },
        { RunState.Interrupted, false, ["resume", "cancel"] },
        { RunState.Interrupted, true, ["cancel"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Enables_only_what_makes_sense(RunState? state, bool launching, string[] enabled)
    {
        var current = state is { } s ? Run("r-1", s, failedBatches: 0) : null;

        var controls = Render<RunControls>(p => p.Add(c => c.Actions, RunActions.For(current, current, launching)));

        foreach (var button in Buttons)
            Assert.Equal(!enabled.Contains(button), IsDisabled(controls, button));
    }

    [Theory]
    [InlineData(RunState.Failed, 1, true)]
    [InlineData(RunState.Failed, 0, false)]
    [InlineData(RunState.Cancelled, 3, false)]
    [InlineData(RunState.Completed, 0, false)]
    public void Retry_failed_needs_a_failed_run_with_failed_batches(RunState latestState, int failedBatches, bool retryEnabled)
    {
        var latest = Run("r-0", latestState, failedBatches);

        var controls = Render<RunControls>(p => p.Add(c => c.Actions, RunActions.For(current: null, latest, launching: false)));

        Assert.False(IsDisabled(controls, "start"));
        Assert.Equal(!retryEnabled, IsDisabled(controls, "retry-failed"));
    }

    [Fact]
    public void Says_why_start_is_blocked()
    {
        var controls = Render<RunControls>(p => p.Add(c => c.Actions, RunActions.For(Run("r-7", RunState.Paused, 0), null, false)));

        Assert.Equal("Run r-7 is paused: resume or cancel it first.", controls.Find("[data-testid=start-blocked]").TextContent);
    }

    [Fact]
    public void Clicks_reach_the_page()
    {
        var started = 0;
        var paused = 0;
        var controls = Render<RunControls>(p => p
            .Add(c => c.Actions, new RunActions(true, true, false, false, false, null))
            .Add(c => c.OnStart, () => started++)
            .Add(c => c.OnPause, () => paused++));

        controls.Find("[data-testid=start]").Click();
        controls.Find("[data-testid=pause]").Click();

        Assert.Equal(1, started);
        Assert.Equal(1, paused);
    }

    private static bool IsDisabled(IRenderedComponent<RunControls> controls, string testId) =>
        controls.Find($"[data-testid={testId}]").HasAttribute("disabled");

    private static BackfillRun Run(string id, RunState state, int failedBatches) => new(
        id, BackfillMode.Full, state, DateTimeOffset.UtcNow, null, 2, 1_000_000, null, new Dictionary<string, string>(),
        new ProgressSnapshot(4, 2, failedBatches, 10, 5, 100, 50, 10, 0, 0, 0, TimeSpan.FromSeconds(1), null), null);
}
