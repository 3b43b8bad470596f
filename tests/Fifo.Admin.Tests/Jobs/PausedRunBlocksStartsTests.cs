using Fifo.Admin.Jobs;
using Fifo.Admin.Startup;
using Fifo.Admin.Tests.Fakes;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Xunit;

namespace Fifo.Admin.Tests.Jobs;

/// <summary>
/// After a restart the engine's Current is null while the newest recorded run is paused: neither the pages nor the
/// incremental schedule may start a run over it (it could no longer be resumed from the console).
/// </summary>
public sealed class PausedRunBlocksStartsTests : IAsyncLifetime
{
    private readonly RecordedRunsController _controller = new() { Runs = [RecordedRunsController.Run("paused-1", RunState.Paused)] };
    private readonly ServiceProvider _services;
    private IScheduler _scheduler = null!;

    public PausedRunBlocksStartsTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IBackfillController>(_controller);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton<BackfillStartCheck>();
        services.AddSingleton<BackfillLauncher>();
        services.AddQuartz(q => q.AddJob<BackfillJob>(job => job.WithIdentity(BackfillJob.Key).StoreDurably(true)));
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<DatabaseStatus>().Set(DatabaseStage.Ready, "ready");
    }

    public async Task InitializeAsync()
    {
        _scheduler = await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await _scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_scheduled_incremental_run_is_skipped()
    {
        var launcher = _services.GetRequiredService<BackfillLauncher>();
        var released = new TaskCompletionSource();
        launcher.Changed += () =>
        {
            if (!launcher.IsBusy)
                released.TrySetResult();
        };

        await _scheduler.TriggerJob(BackfillJob.Key, BackfillJobData.Scheduled(BackfillMode.Incremental));
        await released.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, _controller.Starts);
        Assert.Null(launcher.LastFailure);
    }

    [Fact]
    public async Task A_start_from_the_pages_is_refused_but_resuming_it_goes()
    {
        var launcher = _services.GetRequiredService<BackfillLauncher>();

        var refused = await Assert.ThrowsAsync<BackfillConflictException>(() => launcher.StartAsync(new BackfillRequest(BackfillMode.Incremental)));
        Assert.Equal("Run paused-1 (wallets 0-f, 4 of 10 batches done) is paused: resume or cancel it before starting another backfill "
                     + "over its wallets (fifo backfill --resume paused-1, or --cancel paused-1).", refused.Message);

        Assert.Null(await _services.GetRequiredService<BackfillStartCheck>().WhyNotAsync("paused-1", CancellationToken.None));
    }
}
