using System.Diagnostics;
using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Fifo.Backfill.Tests.Orchestration;

/// <summary>
/// The crash test of the issue's "Done when": the real CLI runs a backfill as a child process and is killed with
/// SIGKILL at random points spread over the run; resuming it after each kill must end with exactly the rows of an
/// uninterrupted run.
/// </summary>
public sealed class KillAndResumeTests(ITestOutputHelper output)
{
    private const int Kills = 3;

    /// <summary>
    /// Batches still to run after the latest kill point: three rounds of the two workers' batches (0.2 s or more each),
    /// so that the last kill, up to 0.3 s after its point, lands before the run completes.
    /// </summary>
    private const int BatchesLeft = 6;

    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_cli_backfill_killed_at_random_points_and_resumed_leaves_exactly_the_rows_of_an_uninterrupted_run()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 150, markets: 40, fills: 15_000);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        using var workDir = new TempDirectory("fifo-kill-test-");

        // A random kill point in each third of the run: early, mid-run and late, as a share of its batches recorded done.
        var killPoints = Enumerable.Range(0, Kills).Select(third => (third + random.NextDouble()) / Kills).ToList();
        var landed = new List<(int Done, int Total)>();
        string? runId = null;
        foreach (var killPoint in killPoints)
        {
            using var child = StartCli(harness, workDir.Path, runId is null
                ? ["backfill", "--workers", "2", "--batch-fills", "500"]
                : ["backfill", "--resume", runId]);
            runId = await WaitForKillPointAsync(harness, child, killPoint);
            await Task.Delay(random.Next(0, 300)); // often mid-batch
            AssertStillRunning(child, "it was killed");
            child.Kill(); // SIGKILL: no pause, no final bookkeeping row
            await child.WaitForExitAsync();

            // Where the kill landed, as the run's batches are recorded in ClickHouse.
            var state = (await harness.Controller.GetRunAsync(runId))!.State;
            var batches = await harness.Controller.ListBatchesAsync(runId);
            landed.Add((batches.Count(b => b.State == BatchState.Succeeded), batches.Count));
            output.WriteLine($"kill {landed.Count} aimed at {killPoint:P0} of the batches: run {runId} {state}, {landed[^1].Done}/{landed[^1].Total} batches done");
            Assert.Equal(RunState.Interrupted, state);
        }
        Assert.True(landed.Any(k => k.Done * 2 >= k.Total && k.Done < k.Total),
            $"no kill landed late in the run (half of its batches done, some still to run): {string.Join(", ", landed.Select(k => $"{k.Done}/{k.Total}"))}");

        using (var child = StartCli(harness, workDir.Path, ["backfill", "--resume", runId!]))
        {
            await child.WaitForExitAsync().WaitAsync(ChildTimeout);
            Assert.Equal(0, child.ExitCode);
        }

        var runs = await harness.Controller.ListRunsAsync();
        Assert.Single(runs);
        Assert.Equal(RunState.Completed, runs[0].State);
        Assert.Equal(runs[0].Progress.BatchesTotal, runs[0].Progress.BatchesDone);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    /// <summary>
    /// Waits until the child executes the run and <paramref name="killPoint"/> of the batches up to the last
    /// <see cref="BatchesLeft"/> are recorded done; the run's id.
    /// </summary>
    private static async Task<string> WaitForKillPointAsync(BackfillHarness harness, Process child, double killPoint)
    {
        BackfillRun? run = null;
        await Poll.UntilAsync($"the CLI to run {killPoint:P0} of the batches", ChildTimeout, async () =>
        {
            AssertStillRunning(child, "its kill point");
            run = (await harness.Controller.ListRunsAsync(1)).FirstOrDefault();
            return run is { State: RunState.Running, Progress: var progress }
                   && progress.BatchesDone >= (int)(killPoint * Math.Max(progress.BatchesTotal - BatchesLeft, 0));
        });
        return run!.RunId;
    }

    private static void AssertStillRunning(Process child, string moment)
    {
        if (child.HasExited)
            Assert.Fail($"fifo exited with {child.ExitCode} before {moment}");
    }

    private Process StartCli(BackfillHarness harness, string workDir, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ClickHouse__ConnectionString"] = harness.Db.ServerConnectionString,
                ["ClickHouse__Database"] = harness.Db.Database,
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fifo.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var child = Process.Start(start)!;
        child.OutputDataReceived += (_, e) => Log("out", e.Data);
        child.ErrorDataReceived += (_, e) => Log("err", e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        return child;
    }

    private void Log(string stream, string? line) => output.WriteChildLine(stream, line);
}
