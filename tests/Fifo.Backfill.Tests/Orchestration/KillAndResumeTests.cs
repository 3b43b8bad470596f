using System.Diagnostics;
using Fifo.Backfill.Tests.Support;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Fifo.Backfill.Tests.Orchestration;

/// <summary>
/// The crash test of the "Done when": the real CLI runs a backfill as a child process and is killed with
/// SIGKILL at random points; resuming it after each kill must end with exactly the rows of an uninterrupted run.
/// </summary>
public sealed class KillAndResumeTests(ITestOutputHelper output)
{
    private const int Kills = 3;
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_cli_backfill_killed_at_random_points_and_resumed_leaves_exactly_the_rows_of_an_uninterrupted_run()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 150, markets: 40, fills: 15_000);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        using var workDir = new TemporaryDirectory();

        var killed = 0;
        while (killed < Kills)
        {
            var resumable = await ResumableRunAsync(harness);
            if (resumable is null && killed > 0)
                break; // the run completed before it could be killed again
            using var child = StartCli(harness, workDir.Path, resumable is null
                ? ["backfill", "--workers", "2", "--batch-fills", "500"]
                : ["backfill", "--resume", resumable]);
            // A random point: after 0 to 4 more batches have finished, plus up to 300 ms (often mid-batch).
            if (!await WaitForBatchesAsync(harness, child, random.Next(0, 5)))
                continue; // the child finished or failed to start; the loop looks at the runs again
            await Task.Delay(random.Next(0, 300));
            if (child.HasExited)
                continue;
            child.Kill(); // SIGKILL: no pause, no final bookkeeping row
            await child.WaitForExitAsync();
            killed++;

            var afterKill = (await harness.Controller.ListRunsAsync(1)).Single();
            output.WriteLine($"kill {killed}: run {afterKill.RunId} {afterKill.State}, {afterKill.Progress.BatchesDone}/{afterKill.Progress.BatchesTotal} batches");
            if (afterKill.State != RunState.Completed)
                Assert.Equal(RunState.Interrupted, afterKill.State);
        }
        Assert.True(killed > 0, "the child was never killed while it executed");

        if (await ResumableRunAsync(harness) is { } last)
        {
            using var child = StartCli(harness, workDir.Path, ["backfill", "--resume", last]);
            await child.WaitForExitAsync().WaitAsync(ChildTimeout);
            Assert.Equal(0, child.ExitCode);
        }

        var runs = await harness.Controller.ListRunsAsync();
        Assert.Single(runs);
        Assert.Equal(RunState.Completed, runs[0].State);
        Assert.Equal(runs[0].Progress.BatchesTotal, runs[0].Progress.BatchesDone);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    private static async Task<string?> ResumableRunAsync(BackfillHarness harness) =>
        (await harness.Controller.ListRunsAsync(1)).FirstOrDefault() is { State: RunState.Interrupted or RunState.Paused } run
            ? run.RunId
            : null;

    /// <summary>
    /// Waits until the child executes the run and <paramref name="batches"/> more of its batches have finished than
    /// when it started; false when the child ended first.
    /// </summary>
    private static async Task<bool> WaitForBatchesAsync(BackfillHarness harness, Process child, int batches)
    {
        var deadline = DateTime.UtcNow + ChildTimeout;
        int? doneAtStart = null;
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
                return false;
            if ((await harness.Controller.ListRunsAsync(1)).FirstOrDefault() is { State: RunState.Running } run)
            {
                doneAtStart ??= run.Progress.BatchesDone;
                if (run.Progress.BatchesDone >= doneAtStart + batches)
                    return true;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The CLI did not get on with the run.");
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

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fifo-kill-test-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
