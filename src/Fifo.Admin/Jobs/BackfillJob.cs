using Fifo.Admin.Errors;
using Fifo.Admin.Startup;
using Fifo.Core.Backfill;
using Quartz;

namespace Fifo.Admin.Jobs;

/// <summary>
/// Thin Quartz job around <see cref="IBackfillController"/>: starts, resumes or retries a run and reports failures.
/// Not marked DisallowConcurrentExecution on purpose: a second execution must be refused at once (by the
/// launcher's reservation), not queued behind the running one.
/// </summary>
public sealed class BackfillJob(IBackfillController controller, BackfillLauncher launcher, BackfillStartCheck startCheck, DatabaseStatus database,
    ILogger<BackfillJob> logger) : IJob
{
    public static readonly JobKey Key = new("backfill", "fifo");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = BackfillJobData.FromMap(context.MergedJobDataMap);
        if (!data.Reserved && !launcher.TryReserve())
        {
            logger.LogInformation("Scheduled {Mode} backfill skipped: another backfill is running", data.Request.Mode);
            return;
        }

        var what = Describe(data);
        try
        {
            // A schedule can fire while the first start still migrates or loads demo data.
            await database.WhenReadyAsync(cancellationToken);
            // The launcher checked the pages' requests already; the schedule is checked here.
            if (!data.Reserved && await startCheck.WhyNotAsync(data.ResumeRunId, cancellationToken) is { } reason)
            {
                logger.LogWarning("Scheduled {Mode} backfill skipped: {Reason}", data.Request.Mode, reason);
                return;
            }
            logger.LogInformation("Backfill job starting: {What}", what);
            var run = data.ResumeRunId is { } runId
                ? await controller.ResumeAsync(runId, cancellationToken)
                : await controller.RunAsync(data.Request, cancellationToken);
            logger.LogInformation("Backfill job ended: run {RunId} is {State}", run.RunId, run.State);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Backfill job stopped by shutdown: {What}", what);
        }
        catch (BackfillConflictException ex) when (!data.Reserved)
        {
            logger.LogInformation("Scheduled backfill skipped: {Reason}", ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Backfill job failed: {What}", what);
            launcher.ReportFailure(what, ErrorText.Describe(ex));
        }
        finally
        {
            launcher.Release();
        }
    }

    private static string Describe(BackfillJobData data) =>
        data.ResumeRunId is { } runId ? $"resume run {runId}"
        : data.Request.RetryFailed ? "retry failed batches"
        : $"{data.Request.Mode.ToString().ToLowerInvariant()} backfill";
}
