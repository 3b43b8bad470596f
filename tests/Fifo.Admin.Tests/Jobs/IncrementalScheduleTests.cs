using Fifo.Admin.Jobs;
using Fifo.Admin.Tests.Hosting;
using Fifo.Core.Backfill;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Xunit;

namespace Fifo.Admin.Tests.Jobs;

/// <summary>Backfill:IncrementalCron turns the incremental schedule on; a bad expression stops the start with a message.</summary>
public sealed class IncrementalScheduleTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_cron_expression_schedules_incremental_backfills_in_utc()
    {
        var settings = TestSettings.For(db);
        settings["Backfill:IncrementalCron"] = "0 15 3 * * ?";
        await using var app = await AdminAppHost.StartAsync(settings);

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey("incremental-schedule", BackfillJob.Key.Group));

        Assert.NotNull(trigger);
        Assert.Equal(BackfillJob.Key, trigger.JobKey);
        var next = trigger.NextFireTimeUtc!.Value.UtcDateTime;
        Assert.Equal((3, 15, 0), (next.Hour, next.Minute, next.Second));
        Assert.Equal(new BackfillJobData(new BackfillRequest(BackfillMode.Incremental), null, Reserved: false), BackfillJobData.FromMap(trigger.JobDataMap));
    }

    [Fact]
    public async Task No_cron_expression_means_no_schedule()
    {
        await using var app = await AdminAppHost.StartAsync(TestSettings.For(db));

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Null(await scheduler.GetTrigger(new TriggerKey("incremental-schedule", BackfillJob.Key.Group)));
    }

    [Fact]
    public async Task A_bad_cron_expression_stops_the_start_with_a_message()
    {
        var settings = TestSettings.For(db);
        settings["Backfill:IncrementalCron"] = "every hour";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminAppHost.StartAsync(settings));

        Assert.Contains("Backfill:IncrementalCron 'every hour' is not a Quartz cron expression", error.Message);
    }
}
