using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class ConflictTests
{
    [Fact]
    public async Task Only_one_run_executes_at_a_time_in_this_process_and_across_hosts_on_one_database()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var stuck = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        harness.Executor.After = async (_, ct) =>
        {
            stuck.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 1_000));
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var otherHost = await harness.CreateSecondHostAsync();
        var other = otherHost.GetRequiredService<IBackfillController>();

        var here = await Assert.ThrowsAsync<BackfillConflictException>(() => harness.Controller.RunAsync(new BackfillRequest()));
        var there = await Assert.ThrowsAsync<BackfillConflictException>(() => other.RunAsync(new BackfillRequest()));
        var runId = harness.Controller.Current!.RunId;
        await Assert.ThrowsAsync<BackfillConflictException>(() => other.ResumeAsync(runId));
        Assert.Equal(RunState.Running, (await other.ListRunsAsync()).Single().State);

        release.SetResult();
        Assert.Equal(RunState.Completed, (await running).State);
        Assert.Contains("in this process", here.Message);
        Assert.Contains(runId, there.Message);
        Assert.Equal(RunState.Completed, (await other.RunAsync(new BackfillRequest())).State);
    }
}
