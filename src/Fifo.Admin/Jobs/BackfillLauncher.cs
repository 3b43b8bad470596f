using Fifo.Core.Backfill;
using Quartz;

namespace Fifo.Admin.Jobs;

/// <summary>
/// What the pages ask for: start/resume/retry go through Quartz (<see cref="BackfillJob"/>), pause/cancel straight
/// to the engine. One backfill at a time: a start while one is starting, running or waiting to be resumed is
/// refused with a <see cref="BackfillConflictException"/> saying why, never queued.
/// </summary>
public sealed class BackfillLauncher(ISchedulerFactory schedulers, IBackfillController controller, BackfillStartCheck startCheck, TimeProvider time,
    ILogger<BackfillLauncher> logger)
{
    private int _reserved;

    /// <summary>Raised when <see cref="IsBusy"/> or <see cref="LastFailure"/> changes.</summary>
    public event Action? Changed;

    /// <summary>A backfill job is queued or running.</summary>
    public bool IsBusy => Volatile.Read(ref _reserved) == 1;

    public LaunchFailure? LastFailure { get; private set; }

    public Task StartAsync(BackfillRequest request, CancellationToken cancellationToken = default) =>
        LaunchAsync(new BackfillJobData(request, null, Reserved: true), cancellationToken);

    public Task ResumeAsync(string runId, CancellationToken cancellationToken = default) =>
        LaunchAsync(new BackfillJobData(new BackfillRequest(), runId, Reserved: true), cancellationToken);

    public Task RetryFailedAsync(CancellationToken cancellationToken = default) =>
        LaunchAsync(new BackfillJobData(new BackfillRequest(RetryFailed: true), null, Reserved: true), cancellationToken);

    public Task PauseAsync(CancellationToken cancellationToken = default) => controller.PauseAsync(cancellationToken);

    public Task CancelAsync(CancellationToken cancellationToken = default) => controller.CancelAsync(cancellationToken);

    /// <summary>Closes a paused or interrupted run for good, by id (the run detail page's Cancel, for any stopped run).</summary>
    public Task<BackfillRun> CancelRunAsync(string runId, CancellationToken cancellationToken = default) =>
        controller.CancelRunAsync(runId, cancellationToken);

    public void ClearFailure()
    {
        LastFailure = null;
        Changed?.Invoke();
    }

    internal bool TryReserve()
    {
        if (Interlocked.CompareExchange(ref _reserved, 1, 0) != 0)
            return false;
        Changed?.Invoke();
        return true;
    }

    internal void Release()
    {
        Volatile.Write(ref _reserved, 0);
        Changed?.Invoke();
    }

    internal void ReportFailure(string what, string message)
    {
        LastFailure = new LaunchFailure(time.GetUtcNow(), what, message);
        Changed?.Invoke();
    }

    private async Task LaunchAsync(BackfillJobData data, CancellationToken cancellationToken)
    {
        if (await startCheck.WhyNotAsync(data.ResumeRunId, cancellationToken) is { } reason)
            throw new BackfillConflictException(reason);
        if (!TryReserve())
            throw new BackfillConflictException("A backfill is already starting or running: only one backfill runs at a time.");
        try
        {
            LastFailure = null;
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(BackfillJob.Key, data.ToMap(), cancellationToken);
            logger.LogInformation("Backfill job queued: {Mode} resume={ResumeRunId} retryFailed={RetryFailed}",
                data.Request.Mode, data.ResumeRunId, data.Request.RetryFailed);
        }
        catch
        {
            Release();
            throw;
        }
    }
}
