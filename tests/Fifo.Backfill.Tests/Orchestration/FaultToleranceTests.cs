using System.Collections.Concurrent;
using System.Net.Http;
using ClickHouse.Driver;
using Dapper;
using Fifo.Backfill.Runs;
using Fifo.Backfill.Tests.Support;
using Fifo.ClickHouse.Connection;
using Fifo.Core.Backfill;
using Fifo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Backfill.Tests.Orchestration;

public sealed class FaultToleranceTests
{
    [Fact]
    public async Task Transient_errors_before_and_after_the_query_are_retried_with_identical_results()
    {
        await using var harness = await BackfillHarness.CreateAsync();
        using var events = new EventRecorder(harness.Controller);
        var attempts = new ConcurrentDictionary<int, int>();
        // First try of every batch: the server is unreachable. Second try of odd batches: the query ran, but its
        // answer was lost (so the batch is computed twice, under two versions).
        harness.Executor.Before = (work, _) => attempts.AddOrUpdate(work.BatchNo, 1, (_, n) => n + 1) == 1
            ? throw new HttpRequestException("Connection refused (127.0.0.1:8123)")
            : Task.FromResult(work);
        harness.Executor.After = (work, _) => attempts[work.BatchNo] == 2 && work.BatchNo % 2 == 1
            ? throw ServerError(210, "NETWORK_ERROR")
            : Task.CompletedTask;

        var run = await harness.Controller.RunAsync(new BackfillRequest(Workers: 2, BatchFills: 1_500));

        await harness.AssertCompletedAsync(run);
        var batches = await harness.Controller.ListBatchesAsync(run.RunId);
        Assert.All(batches, b => Assert.Equal(b.BatchNo % 2 == 1 ? 3 : 2, b.Attempts));
        Assert.Equal(batches.Sum(b => b.Attempts - 1), run.Progress.Retries);
        var retried = events.Of<BatchRetried>();
        Assert.Equal(run.Progress.Retries, retried.Count);
        Assert.All(retried, r => Assert.False(r.Split));
        Assert.All(retried, r => Assert.InRange(r.Delay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)));
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    [Fact]
    public async Task A_retry_shows_in_the_progress_while_the_batch_still_runs()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 40, fills: 3_000);
        var attempts = 0;
        var secondAttempt = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        harness.Executor.Before = (work, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException("Connection refused (127.0.0.1:8123)")
            : Task.FromResult(work);
        harness.Executor.After = async (_, ct) =>
        {
            secondAttempt.TrySetResult();
            await release.Task.WaitAsync(ct);
        };

        var running = harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 10_000));
        await secondAttempt.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var whileRunning = harness.Controller.Current!.Progress;
        release.SetResult();
        var run = await running;

        Assert.Equal((0, 1), (whileRunning.BatchesDone, whileRunning.Retries));
        await harness.AssertCompletedAsync(run);
        Assert.Equal(1, run.Progress.Retries);
        Assert.Equal(1, (await harness.Controller.ListRunsAsync(1)).Single().Progress.Retries);
    }

    [Fact]
    public async Task A_real_memory_limit_error_splits_the_batch_into_halves_with_identical_results()
    {
        await using var harness = await BackfillHarness.CreateAsync();
        using var events = new EventRecorder(harness.Controller);
        // Spans of more than 25 wallets get a 1-byte memory limit: ClickHouse itself refuses them (code 241) until the
        // orchestrator has halved them down to small enough spans.
        harness.Executor.Before = (work, _) => Task.FromResult(work.Span.Wallets <= 25 ? work
            : work with { Settings = new Dictionary<string, string>(work.Settings) { ["max_memory_usage"] = "1" } });

        var run = await harness.Controller.RunAsync(new BackfillRequest(Workers: 2, BatchFills: 4_000));

        await harness.AssertCompletedAsync(run);
        var splits = events.Of<BatchRetried>();
        Assert.NotEmpty(splits);
        Assert.All(splits, s => Assert.True(s.Split));
        Assert.All(splits, s => Assert.Contains("241", s.Error));
        Assert.All(harness.Executor.Calls.Where(c => c.Span.Wallets > 25), c => Assert.Contains(splits, s => s.BatchNo == c.BatchNo));
        Assert.Contains(harness.Executor.Calls, c => c.Span.Wallets <= 25);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    [Fact]
    public async Task A_batch_whose_request_timed_out_is_killed_on_the_server_and_split()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        using var events = new EventRecorder(harness.Controller);
        Task? abandoned = null;
        // The first attempt's query keeps running on the server (as an INSERT … SELECT does on a real server when the
        // client gives up) while the client times out.
        harness.Executor.Before = async (work, _) =>
        {
            if (abandoned is not null)
                return work;
            var marker = $"abandoned-{Guid.NewGuid():N}";
            abandoned = RunLongQueryAsync(harness, work.QueryId, marker);
            await WaitUntilRunningAsync(harness, marker);
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 3600 seconds elapsing.",
                new TimeoutException());
        };

        var run = await harness.Controller.RunAsync(new BackfillRequest(Workers: 1, BatchFills: 4_000));

        await harness.AssertCompletedAsync(run);
        Assert.NotNull(abandoned);
        Assert.Same(abandoned, await Task.WhenAny(abandoned, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Contains("QUERY_WAS_CANCELLED", (await Record.ExceptionAsync(() => abandoned))?.Message);
        var split = Assert.Single(events.Of<BatchRetried>());
        Assert.True(split.Split);
        Assert.Contains("HttpClient.Timeout", split.Error);
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_is_recorded_the_run_goes_on_and_retry_failed_fixes_it()
    {
        await using var harness = await BackfillHarness.CreateAsync(settings: ("Backfill:MaxAttempts", "3"));
        var broken = true;
        harness.Executor.Before = (work, _) => broken && work.BatchNo == 2
            ? throw ServerError(202, "TOO_MANY_SIMULTANEOUS_QUERIES")
            : Task.FromResult(work);

        var failed = await harness.Controller.RunAsync(new BackfillRequest(Workers: 2, BatchFills: 1_500));

        Assert.Equal(RunState.Failed, failed.State);
        Assert.Equal(1, failed.Progress.BatchesFailed);
        Assert.Equal(failed.Progress.BatchesTotal - 1, failed.Progress.BatchesDone);
        Assert.Contains("1 of", failed.Error);
        var batch2 = (await harness.Controller.ListBatchesAsync(failed.RunId)).Single(b => b.BatchNo == 2);
        Assert.Equal(BatchState.Failed, batch2.State);
        Assert.Equal(3, batch2.Attempts);
        Assert.Contains("202", batch2.Error);

        broken = false;
        var callsBefore = harness.Executor.Calls.Count;
        var retried = await harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true));

        Assert.Equal(failed.RunId, retried.RunId);
        await harness.AssertCompletedAsync(retried);
        Assert.Null(retried.Error);
        Assert.Equal([2], harness.Executor.Calls.Skip(callsBefore).Select(c => c.BatchNo).Distinct());
        Assert.All(await harness.Controller.ListBatchesAsync(failed.RunId), b => Assert.Equal(BatchState.Succeeded, b.State));
        (await harness.ReadViewAsync()).AssertSameAs(await harness.ReferenceViewAsync());

        var nothingToRetry = await harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true));
        Assert.Equal(failed.RunId, nothingToRetry.RunId);
        Assert.Equal(callsBefore + 1, harness.Executor.Calls.Count);
    }

    [Fact]
    public async Task Resuming_a_failed_run_that_is_no_longer_the_newest_retries_its_failed_batches()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 60, fills: 4_000);
        var broken = true;
        harness.Executor.Before = (work, _) => broken && work.BatchNo == 1
            ? throw ServerError(62, "SYNTAX_ERROR")
            : Task.FromResult(work);
        var failed = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 200, Wallets: new WalletRange(0, 1)));
        broken = false;
        var newer = await harness.Controller.RunAsync(new BackfillRequest(Wallets: new WalletRange(2, 2)));

        var refused = await Assert.ThrowsAsync<BackfillRunStateException>(
            () => harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true)));
        var callsBefore = harness.Executor.Calls.Count;
        var retried = await harness.Controller.ResumeAsync(failed.RunId);

        Assert.Equal(RunState.Failed, failed.State);
        await harness.AssertCompletedAsync(newer);
        Assert.Contains($"The last run {newer.RunId} (wallets 2) completed without failed batches", refused.Message);
        Assert.Contains($"Runs with failed batches: {failed.RunId} (wallets 0-1); retry one with --resume RUN_ID", refused.Message);
        Assert.Equal(failed.RunId, retried.RunId);
        await harness.AssertCompletedAsync(retried);
        Assert.Equal([1], harness.Executor.Calls.Skip(callsBefore).Select(c => c.BatchNo).Distinct());
        Assert.Empty(await harness.Services.GetRequiredService<BackfillStore>().ListRunsInStatesAsync([RunState.Failed], CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_that_dies_before_recording_its_start_leaves_the_failed_batches_failed()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 40, fills: 3_000);
        var broken = true;
        harness.Executor.Before = (work, _) => broken && work.BatchNo == 1
            ? throw ServerError(62, "SYNTAX_ERROR")
            : Task.FromResult(work);
        var failed = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 1_000));
        Assert.Equal(RunState.Failed, failed.State);
        broken = false;

        // The retry cannot write its Running row (as if the process died right then): the runs table refuses it.
        await using var connection = await harness.Db.OpenConnectionAsync();
        await connection.ExecuteAsync("ALTER TABLE fifo_backfill_runs ADD CONSTRAINT no_running CHECK state != 'Running'");
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true)));
        var afterCrash = (await harness.Controller.ListRunsAsync(1)).Single();
        var batch1AfterCrash = (await harness.Controller.ListBatchesAsync(failed.RunId)).Single(b => b.BatchNo == 1);
        await connection.ExecuteAsync("ALTER TABLE fifo_backfill_runs DROP CONSTRAINT no_running");
        var retried = await harness.Controller.RunAsync(new BackfillRequest(RetryFailed: true));

        Assert.Equal(RunState.Failed, afterCrash.State);
        Assert.Equal(1, afterCrash.Progress.BatchesFailed);
        Assert.Equal(BatchState.Failed, batch1AfterCrash.State);
        await harness.AssertCompletedAsync(retried);
    }

    [Fact]
    public async Task A_permanent_error_fails_the_batch_at_once()
    {
        await using var harness = await BackfillHarness.CreateAsync(wallets: 40, fills: 3_000);
        harness.Executor.Before = (work, _) => work.BatchNo == 1
            ? throw ServerError(62, "SYNTAX_ERROR")
            : Task.FromResult(work);

        var run = await harness.Controller.RunAsync(new BackfillRequest(BatchFills: 1_000));

        Assert.Equal(RunState.Failed, run.State);
        var batch1 = (await harness.Controller.ListBatchesAsync(run.RunId)).Single(b => b.BatchNo == 1);
        Assert.Equal(1, batch1.Attempts);
        Assert.Contains("SYNTAX_ERROR", batch1.Error);
    }

    /// <summary>A minute of sleeping on the server under <paramref name="queryId"/>, unless it is killed.</summary>
    private static async Task RunLongQueryAsync(BackfillHarness harness, string queryId, string marker)
    {
        await using var connection = await harness.Db.OpenConnectionAsync();
        await using var command = connection.CreateCommand($"SELECT sum(sleepEachRow(0.5)), '{marker}' FROM numbers(120) SETTINGS max_block_size = 1");
        command.QueryId = queryId;
        await command.ExecuteScalarAsync();
    }

    private static async Task WaitUntilRunningAsync(BackfillHarness harness, string marker)
    {
        await using var connection = await harness.Db.OpenConnectionAsync();
        await Poll.UntilAsync("the long query to start", TimeSpan.FromSeconds(30), async () => await connection.ExecuteScalarAsync<ulong>(
            "SELECT count() FROM system.processes WHERE query LIKE {pattern:String} AND query NOT LIKE '%system.processes%'",
            QueryParameters.From(new { pattern = $"%{marker}%" })) > 0);
    }

    private static ClickHouseServerException ServerError(int code, string name) =>
        ClickHouseServerException.FromServerResponse($"Code: {code}. DB::Exception: injected by the test. ({name})", "");
}
