using System.Text.Json;
using Dapper;
using Fifo.Backfill.Tests.Support;
using Fifo.Cli;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Xunit;

namespace Fifo.Backfill.Tests.Cli;

/// <summary><c>fifo backfill</c> and <c>fifo runs</c> in-process, against a test database (the crash test runs the CLI as a child).</summary>
public sealed class BackfillCliTests
{
    [Fact]
    public async Task Backfill_then_runs_lists_the_run_and_its_batches_and_bad_input_exits_with_2()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 40, fills: 3_000);
        using var directory = new TempDirectory("fifo-cli-test-");
        var config = await WriteConfigAsync(harness, directory.Path);
        var log = directory.Combine("backfill.log");

        var backfill = await RunAsync("backfill", "--batch-fills", "800", "--workers", "2", "--log", log, "--config", config);
        var run = Assert.Single(await harness.Controller.ListRunsAsync());
        var runs = await RunAsync("runs", "--config", config);
        var batches = await RunAsync("runs", run.RunId, "--json", "--config", config);
        var unknownRun = await RunAsync("backfill", "--resume", "no-such-run", "--config", config);
        var completedRun = await RunAsync("backfill", "--resume", run.RunId, "--config", config);
        var badRange = await RunAsync("backfill", "--wallets", "x-y", "--config", config);

        Assert.Equal(ExitCodes.Ok, backfill.Code);
        Assert.Contains($"Run {run.RunId} completed", backfill.Error);
        Assert.Equal(RunState.Completed, run.State);
        var logLines = await File.ReadAllLinesAsync(log);
        Assert.Contains(logLines, l => l.Contains($"run {run.RunId} started", StringComparison.Ordinal));
        Assert.Equal(run.Progress.BatchesTotal, logLines.Count(l => l.Contains(" finished: ", StringComparison.Ordinal)));
        Assert.Contains(logLines, l => l.Contains($"run {run.RunId} completed", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Ok, runs.Code);
        Assert.Contains(run.RunId, runs.Out);
        Assert.Contains("completed", runs.Out);
        Assert.Equal(ExitCodes.Ok, batches.Code);
        using var json = JsonDocument.Parse(batches.Out);
        Assert.Equal(run.Progress.BatchesTotal, json.RootElement.GetProperty("batches").GetArrayLength());
        Assert.Equal(run.RunId, json.RootElement.GetProperty("run").GetProperty("runId").GetString());

        Assert.Equal(ExitCodes.BadInput, unknownRun.Code);
        Assert.Equal("fifo: There is no run 'no-such-run'.", unknownRun.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(ExitCodes.BadInput, completedRun.Code);
        Assert.Contains("only paused, interrupted or failed runs can be resumed", completedRun.Error);
        Assert.Equal(ExitCodes.BadInput, badRange.Code);
        Assert.Contains("is not a wallet range", badRange.Error);
    }

    [Fact]
    public async Task Retry_failed_names_an_older_failed_run_and_resume_retries_it()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var broken = true;
        harness.Executor.Before = (work, _) => broken && work.BatchNo == 1
            ? throw new InvalidOperationException("injected by the test")
            : Task.FromResult(work);
        var failed = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 200, Wallets: new WalletRange(0, 1)));
        broken = false;
        var newer = await harness.Controller.RunAsync(new BackfillRequest(Wallets: new WalletRange(2, 2)));
        using var directory = new TempDirectory("fifo-cli-test-");
        var config = await WriteConfigAsync(harness, directory.Path);
        var log = directory.Combine("backfill.log");

        var retryNewest = await RunAsync("backfill", "--retry-failed", "--log", log, "--config", config);
        var resumeFailed = await RunAsync("backfill", "--resume", failed.RunId, "--log", log, "--config", config);

        Assert.Equal(RunState.Failed, failed.State);
        Assert.Equal(RunState.Completed, newer.State);
        Assert.Equal(ExitCodes.BadInput, retryNewest.Code);
        Assert.Contains($"Runs with failed batches: {failed.RunId} (wallets 0-1); retry one with --resume RUN_ID", retryNewest.Error);
        Assert.DoesNotContain($"Run {newer.RunId} completed", retryNewest.Error);
        Assert.Equal(ExitCodes.Ok, resumeFailed.Code);
        Assert.Contains($"Run {failed.RunId} completed", resumeFailed.Error);
    }

    [Fact]
    public async Task Backfill_over_a_paused_runs_wallets_is_refused_with_how_to_resume_it_records_nothing_and_cancel_closes_it()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 80, fills: 6_000);
        BackfillRun paused;
        using (var pause = new CancellationTokenSource())
        {
            // The second batch pauses the run the way Ctrl+C does: by cancelling the caller's token.
            harness.Executor.After = async (work, ct) =>
            {
                if (work.BatchNo != 2)
                    return;
                await pause.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            };
            paused = await harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 500, Wallets: new WalletRange(0, 7)), pause.Token);
            harness.Executor.After = null;
        }
        using var directory = new TempDirectory("fifo-cli-test-");
        var config = await WriteConfigAsync(harness, directory.Path);
        var log = directory.Combine("backfill.log");
        var bookkeeping = await CountBookkeepingRowsAsync(harness);

        var full = await RunAsync("backfill", "--log", log, "--config", config);
        var incremental = await RunAsync("backfill", "--mode", "incremental", "--log", log, "--config", config);
        var overlapping = await RunAsync("backfill", "--wallets", "7-9", "--log", log, "--config", config);
        var afterRefusals = await CountBookkeepingRowsAsync(harness);
        var disjoint = await RunAsync("backfill", "--wallets", "8-f", "--log", log, "--config", config);

        Assert.Equal(RunState.Paused, paused.State);
        var refusal = $"fifo: Run {paused.RunId} (wallets 0-7, {paused.Progress.BatchesDone} of {paused.Progress.BatchesTotal} batches done) "
                      + $"is paused: resume or cancel it before starting another backfill over its wallets (fifo backfill --resume {paused.RunId}, or --cancel {paused.RunId}).";
        foreach (var refused in new[] { full, incremental, overlapping })
        {
            Assert.Equal(ExitCodes.BadInput, refused.Code);
            Assert.Equal(refusal, refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        }
        Assert.Equal(bookkeeping, afterRefusals);
        Assert.Equal(ExitCodes.Ok, disjoint.Code);
        var runs = await harness.Controller.ListRunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(RunState.Completed, runs.Single(r => r.WalletRange == "8-f").State);
        Assert.Equal(RunState.Paused, runs.Single(r => r.RunId == paused.RunId).State);

        // Cancelled by id although a later run (8-f) is the newest: the console could not do that.
        var withOthers = await RunAsync("backfill", "--cancel", paused.RunId, "--workers", "2", "--config", config);
        var cancelled = await RunAsync("backfill", "--cancel", paused.RunId, "--config", config);
        var again = await RunAsync("backfill", "--cancel", paused.RunId, "--config", config);
        var unknown = await RunAsync("backfill", "--cancel", "no-such-run", "--config", config);

        Assert.Equal(ExitCodes.BadInput, withOthers.Code);
        Assert.Contains("--cancel RUN_ID stands alone: --workers cannot go with it.", withOthers.Error);
        Assert.Equal(ExitCodes.Ok, cancelled.Code);
        Assert.Contains($"Run {paused.RunId} cancelled: {paused.Progress.BatchesDone} of {paused.Progress.BatchesTotal} batches had finished", cancelled.Error);
        Assert.Equal(RunState.Cancelled, (await harness.Controller.GetRunAsync(paused.RunId))!.State);
        Assert.Equal(ExitCodes.BadInput, again.Code);
        Assert.Contains($"fifo: Run {paused.RunId} is Cancelled: only paused or interrupted runs can be cancelled.", again.Error);
        Assert.Equal(ExitCodes.BadInput, unknown.Code);
        Assert.Contains("fifo: There is no run 'no-such-run'.", unknown.Error);
    }

    [Fact]
    public async Task Runs_shows_a_run_however_many_runs_started_after_it()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 20, fills: 1_000);
        var run = await harness.Controller.RunAsync(new BackfillRequest());
        await using (var connection = await harness.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                INSERT INTO fifo_backfill_runs
                    (run_id, revision, state, mode, started_at, heartbeat_at, owner, workers, batch_fills, wallet_range, request, settings)
                SELECT concat('later-', toString(number)), 1, 'Completed', 'Full', now64(3) + INTERVAL 1 HOUR, now64(3), '', 1, 1,
                       '0-f', '{}', '{}'
                FROM numbers(10000)
                """);
        using var directory = new TempDirectory("fifo-cli-test-");
        var shown = await RunAsync("runs", run.RunId, "--json", "--config", await WriteConfigAsync(harness, directory.Path));

        Assert.Equal(ExitCodes.Ok, shown.Code);
        using var json = JsonDocument.Parse(shown.Out);
        Assert.Equal(run.RunId, json.RootElement.GetProperty("run").GetProperty("runId").GetString());
        Assert.Equal(run.Progress.BatchesTotal, json.RootElement.GetProperty("batches").GetArrayLength());
    }

    /// <summary>Rows of the runs, batches and staged-wallets tables: a refused start must add none.</summary>
    private static async Task<(ulong Runs, ulong Batches, ulong StagedWallets)> CountBookkeepingRowsAsync(BackfillHarness harness)
    {
        await using var connection = await harness.Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(ulong, ulong, ulong)>("""
            SELECT (SELECT count() FROM fifo_backfill_runs), (SELECT count() FROM fifo_backfill_batches),
                   (SELECT count() FROM fifo_backfill_run_wallets)
            """);
    }

    private static async Task<string> WriteConfigAsync(BackfillHarness harness, string directory)
    {
        var config = Path.Combine(directory, "test.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            ClickHouse = new { ConnectionString = harness.Db.ServerConnectionString, harness.Db.Database },
        }));
        return config;
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FifoCli.RunAsync(args, new CliOutput(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
