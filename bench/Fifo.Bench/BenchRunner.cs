using System.Diagnostics;
using Dapper;
using Fifo.Backfill;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Schema;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Backfill;
using Fifo.Core.Reports;
using Fifo.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fifo.Bench;

/// <summary>
/// One benchmark run on the embedded engine: demo data (generated once per size and seed, then reused), a full
/// backfill through the orchestrator, the legacy method on the same data, the read paths, then optionally the
/// incremental scenarios.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    private const int LeaderboardRuns = 7;
    private static readonly TimeSpan MergeWaitLimit = TimeSpan.FromMinutes(10);

    public async Task<BenchFigures> RunAsync(string command, CancellationToken cancellationToken)
    {
        var dataDir = options.EffectiveDataDir;
        if (options.Fresh && Directory.Exists(dataDir))
            Directory.Delete(dataDir, recursive: true);
        Directory.CreateDirectory(dataDir);

        await using var services = CreateServices(dataDir);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        var demoTime = await EnsureDemoDataAsync(services, cancellationToken);
        var (fillRows, wallets) = await CountAsync(services, cancellationToken);
        log.WriteLine($"Data: {fillRows:N0} fill rows, {wallets:N0} wallets in {dataDir}");

        // Alternating rounds, best time of each method: on a shared machine a burst of other work can hit either one.
        Backfilled? best = null;
        LegacyResult? legacy = null;
        long peakRss = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            await ResetOutputsAsync(services, cancellationToken);
            await WaitForMergesAsync(services, cancellationToken);
            var backfilled = await BackfillAsync(services, dataDir, $"Full backfill, round {round}", cancellationToken);
            peakRss = Math.Max(peakRss, backfilled.PeakRssBytes);
            if (best is null || backfilled.Elapsed < best.Elapsed)
                best = backfilled;

            if (options.SkipLegacy)
                continue;
            await WaitForMergesAsync(services, cancellationToken);
            log.WriteLine($"Legacy method, round {round}: {options.LegacyBatchWallets}-wallet batches, {options.Workers} workers ...");
            var legacyRound = await services.GetRequiredService<LegacyBackfill>().RunAsync(options.LegacyBatchWallets, options.Workers, cancellationToken);
            log.WriteLine($"  {legacyRound.Elapsed.TotalSeconds:F2} s, {legacyRound.RowsWritten:N0} rows");
            if (legacy is null || legacyRound.Elapsed < legacy.Elapsed)
                legacy = legacyRound;
        }

        log.WriteLine("Leaderboard and validation report ...");
        // The lots just written are still being merged; read latencies are measured on a quiet engine too.
        await WaitForMergesAsync(services, cancellationToken);
        var leaderboard = await TryAsync("leaderboard", () => MeasureLeaderboardAsync(services, cancellationToken));
        var validation = await TryAsync("validation report",
            () => services.GetRequiredService<IValidationService>().RunAsync(cancellationToken));
        // Last: each scenario adds fills and takes them out again, which leaves the stored lots out of step with the fills.
        var incremental = options.Incremental ? await IncrementalScenariosAsync(services, dataDir, cancellationToken) : [];

        return new BenchFigures
        {
            Machine = MachineDescription.Describe(),
            Command = command,
            FillRows = fillRows,
            Wallets = wallets,
            DemoDataTime = demoTime,
            Rounds = options.Rounds,
            BackfillTime = best!.Elapsed,
            LotsWritten = best.Run.Progress.RowsWritten,
            Batches = best.Run.Progress.BatchesTotal,
            Workers = best.Run.Workers,
            EnginePeakRssBytes = peakRss,
            Legacy = legacy,
            Incremental = incremental,
            LeaderboardMedian = leaderboard,
            ValidationTime = validation?.Duration,
            ValidationOutcome = validation?.Overall.ToString(),
        };
    }

    /// <summary>The read paths belong to other services; a failure there is reported, not fatal to the run.</summary>
    private async Task<T?> TryAsync<T>(string what, Func<Task<T>> measure)
    {
        try
        {
            return await measure();
        }
        catch (Exception e) when (e is InvalidOperationException or global::ClickHouse.Driver.ClickHouseServerException or HttpRequestException)
        {
            log.WriteLine($"  {what} failed: {e.Message}");
            return default;
        }
    }

    private async Task<Backfilled> BackfillAsync(ServiceProvider services, string dataDir, string title, CancellationToken cancellationToken)
    {
        log.WriteLine($"{title}: {options.Workers} workers, batches of at most {options.EffectiveBatchFills:N0} fills ...");
        await using var memory = EngineMemory.Watch(dataDir);
        var (run, elapsed) = await RunToCompletionAsync(services, BackfillMode.Full, cancellationToken);
        log.WriteLine($"  {elapsed.TotalSeconds:F2} s, {run.Progress.RowsWritten:N0} lots");
        return new Backfilled(run, elapsed, memory.PeakBytes);
    }

    /// <summary>A backfill through the orchestrator, as <c>fifo backfill</c> runs it, timed; anything but completed throws.</summary>
    private async Task<(BackfillRun Run, TimeSpan Elapsed)> RunToCompletionAsync(
        ServiceProvider services, BackfillMode mode, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = await services.GetRequiredService<IBackfillController>().RunAsync(
            new BackfillRequest(mode, options.Workers, options.EffectiveBatchFills), cancellationToken);
        stopwatch.Stop();
        if (run.State != RunState.Completed)
            throw new InvalidOperationException($"The {mode} run ended {run.State}: {run.Error}");
        return (run, stopwatch.Elapsed);
    }

    /// <summary>
    /// Both incremental scenarios, each measured from a completed full run whose lots match the fills exactly.
    /// The re-traded one comes first, straight after the full rounds and the read paths, where the benchmark has
    /// always measured it, so its figures stay comparable with earlier runs'. It leaves a wrong baseline behind:
    /// its incremental run commits lots that include its new fills, and removing those fills afterwards is a
    /// lightweight delete, which rewrites parts under their old block numbers, so the next incremental run sees no
    /// new part and never recomputes those wallets; their stored lots keep fills that no longer exist, up to 30 days
    /// after the last remaining fill, past the day the newest scenario's fills fall in. The newest scenario is the
    /// carry-forward path's case, which continues positions from exactly those stored lots, so it gets a fresh full
    /// backfill first (outputs reset, as for a round): the same starting state as the re-traded scenario. Running it
    /// first instead would hand its own stale lots to the re-traded scenario and move that one away from where its
    /// earlier figures were taken.
    /// </summary>
    private async Task<IReadOnlyList<IncrementalResult>> IncrementalScenariosAsync(
        ServiceProvider services, string dataDir, CancellationToken cancellationToken)
    {
        var reTraded = await IncrementalAsync(services, IncrementalScenario.ReTraded, baselineTime: null, cancellationToken);

        await ResetOutputsAsync(services, cancellationToken);
        await WaitForMergesAsync(services, cancellationToken);
        var baseline = await BackfillAsync(services, dataDir, $"Full backfill again, the {IncrementalScenario.Newest.Name} scenario's baseline", cancellationToken);
        var newest = await IncrementalAsync(services, IncrementalScenario.Newest, baseline.Elapsed, cancellationToken);
        return [reTraded, newest];
    }

    /// <summary>
    /// The scenario's new fills, merged in like any insert, then an incremental run over them, timed; the new fills
    /// are deleted again afterwards. The baseline is the newest completed run, which the caller has just made.
    /// </summary>
    private async Task<IncrementalResult> IncrementalAsync(
        ServiceProvider services, IncrementalScenario scenario, TimeSpan? baselineTime, CancellationToken cancellationToken)
    {
        var sql = services.GetRequiredService<BenchSql>();
        var connections = services.GetRequiredService<ClickHouseConnectionFactory>();
        var suffix = QueryParameters.From(new { suffix = scenario.FillIdSuffix });
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Get(scenario.AppendScript), suffix, cancellationToken: cancellationToken));
        try
        {
            var newFills = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql.Get("count_new_fills.sql"), suffix, cancellationToken: cancellationToken));
            await WaitForMergesAsync(services, cancellationToken);
            log.WriteLine($"Incremental run after {newFills:N0} new fills, scenario \"{scenario.Name}\" ({scenario.Description}) ...");
            var (run, elapsed) = await RunToCompletionAsync(services, BackfillMode.Incremental, cancellationToken);
            log.WriteLine($"  {elapsed.TotalSeconds:F2} s, {run.Progress.WalletsTotal:N0} wallets, {run.Progress.FillsTotal:N0} fill rows");
            return new IncrementalResult(scenario, newFills, run.Progress.WalletsTotal, run.Progress.FillsTotal, elapsed, baselineTime);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.Get("remove_new_fills.sql"), suffix, cancellationToken: CancellationToken.None));
        }
    }

    private sealed record Backfilled(BackfillRun Run, TimeSpan Elapsed, long PeakRssBytes);

    private ServiceProvider CreateServices(string dataDir)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedded:DataDir"] = dataDir,
            ["ClickHouse:Database"] = "bench",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddClickHouseEndpoint(configuration);
        services.AddFifoEngine(configuration);
        services.AddSingleton<BenchSql>();
        services.AddSingleton<LegacyBackfill>();
        return services.BuildServiceProvider();
    }

    /// <returns>How long generating took, or null when the data directory already had the data.</returns>
    private async Task<TimeSpan?> EnsureDemoDataAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var generator = services.GetRequiredService<DemoDataGenerator>();
        if (!await generator.SourceTablesEmptyAsync(cancellationToken))
            return null;
        log.WriteLine($"Generating demo data: {options.Fills:N0} fills, {options.EffectiveWallets:N0} wallets, {options.EffectiveMarkets:N0} markets, seed {options.Seed} ...");
        var result = await generator.GenerateAsync(new DemoDataRequest
        {
            Fills = options.Fills,
            Wallets = options.EffectiveWallets,
            Markets = options.EffectiveMarkets,
            Seed = options.Seed,
        }, cancellationToken: cancellationToken);
        return result.Elapsed;
    }

    /// <summary>Waits until no background merge runs in the database, so both methods start from a settled table.</summary>
    private async Task WaitForMergesAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var sql = services.GetRequiredService<BenchSql>().Get("running_merges.sql");
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < MergeWaitLimit)
        {
            await using var connection = await services.GetRequiredService<ClickHouseConnectionFactory>().OpenAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<ulong>(new CommandDefinition(sql, cancellationToken: cancellationToken)) == 0)
            {
                if (stopwatch.Elapsed > TimeSpan.FromSeconds(1))
                    log.WriteLine($"  (waited {stopwatch.Elapsed.TotalSeconds:F0} s for background merges)");
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        log.WriteLine($"  background merges still running after {MergeWaitLimit.TotalMinutes:F0} min; measuring anyway");
    }

    private static async Task ResetOutputsAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var connection = await services.GetRequiredService<ClickHouseConnectionFactory>().OpenAsync(cancellationToken))
        {
            foreach (var statement in services.GetRequiredService<BenchSql>().GetStatements("reset_outputs.sql"))
                await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken));
        }
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
    }

    private static async Task<(long Fills, long Wallets)> CountAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<ClickHouseConnectionFactory>().OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(ulong Fills, ulong Wallets)>(new CommandDefinition(
            services.GetRequiredService<SqlScripts>().Render(
                "SELECT count(), uniqExactIf(wallet, wallet != '0x0000000000000000000000000000000000000000') FROM {{Fills}}"),
            cancellationToken: cancellationToken));
        return ((long)counts.Fills, (long)counts.Wallets);
    }

    private static async Task<TimeSpan?> MeasureLeaderboardAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var leaderboard = services.GetRequiredService<ILeaderboardService>();
        var times = new List<TimeSpan>();
        for (var i = 0; i < LeaderboardRuns; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await leaderboard.GetAsync(new LeaderboardQuery(Top: 100), cancellationToken);
            times.Add(stopwatch.Elapsed);
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
