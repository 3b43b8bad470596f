using Fifo.Admin.Jobs;
using Fifo.Core.Backfill;
using Xunit;

namespace Fifo.Admin.Tests.Jobs;

public sealed class BackfillJobDataTests
{
    [Fact]
    public void A_request_survives_the_job_data_map()
    {
        var data = new BackfillJobData(new BackfillRequest(BackfillMode.Incremental, 3, 500_000, WalletRange.Parse("a-f"), RetryFailed: true), null, Reserved: true);

        var back = BackfillJobData.FromMap(data.ToMap());

        Assert.Equal(data, back);
    }

    [Fact]
    public void A_resume_survives_the_job_data_map()
    {
        var data = new BackfillJobData(new BackfillRequest(), "run-42", Reserved: true);

        Assert.Equal(data, BackfillJobData.FromMap(data.ToMap()));
    }

    [Fact]
    public void The_schedule_runs_unreserved_incremental_backfills()
    {
        var data = BackfillJobData.FromMap(BackfillJobData.Scheduled(BackfillMode.Incremental));

        Assert.Equal(new BackfillJobData(new BackfillRequest(BackfillMode.Incremental), null, Reserved: false), data);
    }
}
