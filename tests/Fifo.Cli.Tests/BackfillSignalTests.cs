using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fifo.Embedded;
using Fifo.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Fifo.Cli.Tests;

/// <summary>
/// Ctrl+C and SIGTERM on a real <c>fifo backfill</c> process with its own embedded engine (the engine is its child,
/// as on an operator's machine): the run pauses, says how to resume, exits 130, and resuming it ends with the rows
/// of an uninterrupted run.
/// </summary>
public sealed partial class BackfillSignalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // What a backfill leaves visible, without the version columns: every row of the deduplicated lots view and every
    // wallet's newest summary (sums rounded: their order of addition may differ between batch layouts).
    private const string RowsSql = """
        SELECT row FROM (
            SELECT toString(tuple(
                wallet, condition_id, outcome_index, tx_hash, order_id, is_short, is_maker, entry_time, exit_time, tokens,
                entry_price, cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early,
                payout_rate, resolved_at, is_closed)) AS row
            FROM pm_trade_fifo_roi_v3_deduped
            UNION ALL
            SELECT toString(tuple(
                wallet, positions, lots, resolved_lots, closed_lots, wins, round(total_pnl, 6), round(total_cost, 6),
                round(volume_usd, 6), first_trade, last_trade)) AS row
            FROM pm_trade_fifo_roi_v3_wallet_summary FINAL)
        ORDER BY row
        """;

    [Fact]
    public async Task Ctrl_C_to_the_process_group_and_SIGTERM_to_the_pid_pause_the_run_with_exit_code_130_and_resuming_gives_the_rows_of_an_uninterrupted_run()
    {
        using var work = new TempDirectory("fifo-signal-test-");
        var data = work.Combine("data");
        var watch = Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0} s {what}");
        AssertOk(await CliRun.RunAsync("demo-data", "--fills", "3000", "--wallets", "50", "--markets", "20", "--seed", "11", "--data-dir", data));

        Step("demo data written");

        // Ctrl+C on a terminal: SIGINT to the whole foreground process group, which holds the engine the CLI starts
        // unless the engine left it.
        string runId;
        int batchesDone;
        await using (var cli = CliProcess.Start(output, work.Path, "backfill", "--workers", "1", "--batch-fills", "800", "--data-dir", data, "--log", work.Combine("1.log")))
        {
            await cli.WaitForLinesAsync(" finished: ", 1);
            var engine = EnginePid(data);
            output.WriteLine($"cli pid {cli.Pid} (group {ProcessGroupOf(cli.Pid)}), engine pid {engine} (group {ProcessGroupOf(engine)})");
            cli.Signal("INT", toGroup: true);
            var exitCode = await cli.WaitForExitAsync();

            runId = cli.AssertPaused(exitCode);
            await Poll.UntilAsync($"the engine (pid {engine}) to stop with the CLI", TimeSpan.FromSeconds(20), () => HasExited(engine));
            batchesDone = await AssertPausedAsync(data, runId, atLeast: 1);
        }

        Step("paused by SIGINT to the group");

        // SIGTERM to the pid alone (kill PID, a service manager): the same pause and exit code, with a server that
        // takes longer to answer than System.CommandLine's 2 s deadline (the engine is stopped for 3 s).
        await using (var cli = CliProcess.Start(output, work.Path, "backfill", "--resume", runId, "--data-dir", data, "--log", work.Combine("2.log")))
        {
            await cli.WaitForLinesAsync(" finished: ", 1);
            var engine = EnginePid(data);
            Kill("STOP", engine.ToString(CultureInfo.InvariantCulture));
            try
            {
                cli.Signal("TERM", toGroup: false);
                await Task.Delay(TimeSpan.FromSeconds(3));
            }
            finally
            {
                Kill("CONT", engine.ToString(CultureInfo.InvariantCulture));
            }
            var exitCode = await cli.WaitForExitAsync();

            Assert.Equal(runId, cli.AssertPaused(exitCode));
        }

        Step("paused by SIGTERM to the pid");

        // The rest attaches to one engine started here (each command would otherwise start its own).
        await using var engineForTheRest = new EmbeddedClickHouse(new EmbeddedOptions { DataDir = data, PoolSize = 2 });
        await engineForTheRest.StartAsync();
        await AssertPausedAsync(data, runId, atLeast: batchesDone + 1);

        Step("engine for the rest started, run still paused");
        var completed = await CliRun.RunAsync("backfill", "--resume", runId, "--data-dir", data, "--log", work.Combine("3.log"));
        AssertOk(completed);
        Assert.Contains($"Run {runId} completed: ", completed.Error, StringComparison.Ordinal);
        var resumed = await RowsAsync(data);

        Step("resumed run completed and read");

        // An uninterrupted run of the same data (one batch) replaces every wallet's rows with its own.
        AssertOk(await CliRun.RunAsync("backfill", "--batch-fills", "100000000", "--data-dir", data, "--log", work.Combine("4.log")));
        var uninterrupted = await RowsAsync(data);
        Assert.True(uninterrupted.Length > 100, $"{uninterrupted.Length} rows");
        Step("uninterrupted run completed and read");
        Assert.Equal(uninterrupted, resumed);
    }

    /// <summary>Asserts <c>fifo runs</c> lists the run as paused with at least <paramref name="atLeast"/> batches done; returns them.</summary>
    private static async Task<int> AssertPausedAsync(string data, string runId, int atLeast)
    {
        var runs = await CliRun.RunAsync("runs", runId, "--json", "--data-dir", data);
        AssertOk(runs);
        using var json = JsonDocument.Parse(runs.Out);
        var run = json.RootElement.GetProperty("run");
        Assert.Equal("paused", run.GetProperty("state").ToString(), ignoreCase: true);
        var done = run.GetProperty("progress").GetProperty("batchesDone").GetInt32();
        Assert.InRange(done, atLeast, run.GetProperty("progress").GetProperty("batchesTotal").GetInt32() - 1);
        return done;
    }

    private static async Task<string[]> RowsAsync(string data)
    {
        var rows = await CliRun.RunAsync("query", RowsSql, "--data-dir", data);
        AssertOk(rows);
        return rows.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
    }

    private static void AssertOk(CliRun run) => Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

    private static int EnginePid(string data)
    {
        using var endpoint = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "fifo-clickhouse.endpoint.json")));
        return endpoint.RootElement.GetProperty("Pid").GetInt32();
    }

    /// <summary>The process group of <paramref name="pid"/>: the field after the state in /proc/PID/stat.</summary>
    private static int ProcessGroupOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="pid"/> is gone or a zombie.</summary>
    private static bool HasExited(int pid) =>
        !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static void Kill(string signal, string target)
    {
        using var kill = Process.Start("kill", ["-s", signal, "--", target])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    [GeneratedRegex(@"^Run (\S+) paused: .* Resume with: fifo backfill --resume (\S+)$")]
    private static partial Regex PausedSummary();

    /// <summary>
    /// <c>fifo</c> as a child process, started like a job on a terminal: the leader of a process group of its own
    /// (<c>setsid</c>), with SIGINT and SIGTERM at their default action (as a shell sets them for a foreground job).
    /// </summary>
    private sealed class CliProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly ITestOutputHelper output;
        private readonly List<string> errors = [];
        private readonly Stopwatch signalled = new();

        private CliProcess(Process process, ITestOutputHelper output)
        {
            this.process = process;
            this.output = output;
        }

        public int Pid => process.Id;

        public IReadOnlyList<string> Errors
        {
            get
            {
                lock (errors)
                    return [.. errors];
            }
        }

        public static CliProcess Start(ITestOutputHelper output, string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("setsid")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["DOTNET_NOLOGO"] = "1" },
            };
            // The embedded engine, not a server some other setting of this machine names.
            foreach (var variable in new[] { "ClickHouse__ConnectionString", "FIFO_ClickHouse__ConnectionString" })
                start.Environment.Remove(variable);
            foreach (var argument in (string[])["env", "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "fifo.dll"), .. arguments])
                start.ArgumentList.Add(argument);
            var cli = new CliProcess(Process.Start(start)!, output);
            cli.process.OutputDataReceived += (_, e) => cli.Log("out", e.Data);
            cli.process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                    return;
                lock (cli.errors)
                    cli.errors.Add(e.Data);
                cli.Log("err", e.Data);
            };
            cli.process.BeginOutputReadLine();
            cli.process.BeginErrorReadLine();
            return cli;
        }

        /// <summary>Waits until <paramref name="count"/> stderr lines contain <paramref name="text"/>.</summary>
        public Task WaitForLinesAsync(string text, int count) =>
            Poll.UntilAsync($"{count} lines with '{text}'", Deadline, () =>
            {
                if (Errors.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count)
                    return true;
                if (process.HasExited)
                    throw new Xunit.Sdk.XunitException($"fifo exited with {process.ExitCode} before {count} lines with '{text}':\n{string.Join('\n', Errors)}");
                return false;
            });

        /// <summary>Sends SIGINT/SIGTERM to the process, or to its whole process group (as a terminal's Ctrl+C does).</summary>
        public void Signal(string signal, bool toGroup)
        {
            Assert.Equal(Pid, ProcessGroupOf(Pid)); // setsid made it a group leader without forking
            signalled.Restart();
            Kill(signal, (toGroup ? "-" : "") + Pid.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Asserts the CLI exited 130 after its summary of a paused run, which ends with the hint to resume it;
        /// returns the run id.
        /// </summary>
        public string AssertPaused(int exitCode)
        {
            var summary = Errors.LastOrDefault(l => l.StartsWith("Run ", StringComparison.Ordinal)) ?? "";
            var hint = PausedSummary().Match(summary);
            if (exitCode != 130 || !hint.Success)
                throw new Xunit.Sdk.XunitException(
                    $"Expected exit code 130 after a 'Run … paused: … Resume with: fifo backfill --resume RUN_ID' summary; got exit code {exitCode}, last lines:\n"
                    + string.Join('\n', Errors.TakeLast(4)));
            Assert.Equal(hint.Groups[1].Value, hint.Groups[2].Value);
            return hint.Groups[1].Value;
        }

        public async Task<int> WaitForExitAsync()
        {
            await process.WaitForExitAsync().WaitAsync(Deadline);
            output.WriteLine($"fifo exited with {process.ExitCode} {signalled.Elapsed.TotalSeconds:0.00} s after the signal");
            return process.ExitCode;
        }

        private void Log(string stream, string? line) => output.WriteChildLine(stream, line);

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                Kill("KILL", "-" + Pid.ToString(CultureInfo.InvariantCulture));
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
