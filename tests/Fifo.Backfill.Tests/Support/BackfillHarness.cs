using Fifo.Backfill.Execution;
using Fifo.Backfill.Runs;
using Fifo.ClickHouse.DemoData;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Fifo.Core.Planning;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// A fresh database with demo data and the backfill engine on top of it, its batch queries going through a
/// <see cref="ScriptedBatchExecutor"/> around the real SQL engine.
/// </summary>
internal sealed class BackfillHarness : IAsyncDisposable
{
    private BackfillHarness(ClickHouseTestDatabase db, ServiceProvider services)
    {
        Db = db;
        Services = services;
    }

    public ClickHouseTestDatabase Db { get; }
    public ServiceProvider Services { get; }
    public ScriptedBatchExecutor Executor => Services.GetRequiredService<ScriptedBatchExecutor>();
    public IBackfillController Controller => Services.GetRequiredService<IBackfillController>();

    /// <param name="fills">Demo fills to generate (whales and small wallets, duplicates, self-fills, shorts).</param>
    /// <param name="settings">Configuration keys, e.g. ("Backfill:MaxAttempts", "2").</param>
    public static async Task<BackfillHarness> CreateAsync(int wallets = 150, int markets = 40, long fills = 12_000,
        params (string Key, string Value)[] settings)
    {
        var db = await ClickHouseTestDatabase.CreateAsync();
        var services = await BackfillServices.CreateAsync(db, AddScriptedExecutor, settings);
        await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(
            new DemoDataRequest { Wallets = wallets, Markets = markets, Fills = fills, Seed = 20250114 });
        return new BackfillHarness(db, services);
    }

    /// <summary>A second engine (as another host would have) on the same database.</summary>
    public Task<ServiceProvider> CreateSecondHostAsync() => BackfillServices.CreateAsync(Db, AddScriptedExecutor);

    public Task<LotsView> ReadViewAsync() => LotsView.ReadAsync(Db);

    /// <summary>Asserts the run completed; otherwise fails with the errors of its failed batches.</summary>
    public async Task AssertCompletedAsync(BackfillRun run)
    {
        if (run.State == RunState.Completed)
            return;
        var failures = (await Controller.ListBatchesAsync(run.RunId)).Where(b => b.Error is not null).Select(b => $"batch {b.BatchNo}: {b.Error}");
        Xunit.Assert.Fail($"Run {run.RunId} is {run.State} ({run.Error}): {string.Join(" | ", failures)}");
    }

    /// <summary>
    /// The view as the SQL engine computes it for all wallets in one query, uninterrupted, with a version above every
    /// earlier one — the expected result of any backfill of the data.
    /// </summary>
    public async Task<LotsView> ReferenceViewAsync()
    {
        var real = ActivatorUtilities.CreateInstance<SqlEngineBatchExecutor>(Services);
        var version = Services.GetRequiredService<RevisionClock>().Next();
        var settings = Services.GetRequiredService<IOptions<BackfillOptions>>().Value.Settings;
        await real.ExecuteAsync(new BatchWork("reference", 0, new WalletSpan("0x", "0y", 0, 0), false, version,
            settings, $"reference-{version}"), CancellationToken.None);
        return await ReadViewAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Db.DisposeAsync();
    }

    private static void AddScriptedExecutor(IServiceCollection services)
    {
        services.AddSingleton(sp => new ScriptedBatchExecutor(ActivatorUtilities.CreateInstance<SqlEngineBatchExecutor>(sp)));
        services.AddSingleton<IBatchExecutor>(sp => sp.GetRequiredService<ScriptedBatchExecutor>());
    }
}
