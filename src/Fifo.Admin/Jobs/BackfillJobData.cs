using System.Globalization;
using Fifo.Core.Backfill;
using Quartz;

namespace Fifo.Admin.Jobs;

/// <summary>What one execution of <see cref="BackfillJob"/> does, carried in Quartz's job data map.</summary>
public sealed record BackfillJobData(BackfillRequest Request, string? ResumeRunId, bool Reserved)
{
    private const string ModeKey = "mode";
    private const string WorkersKey = "workers";
    private const string BatchFillsKey = "batchFills";
    private const string WalletsKey = "wallets";
    private const string RetryFailedKey = "retryFailed";
    private const string ResumeRunIdKey = "resumeRunId";
    private const string ReservedKey = "reserved";

    /// <summary>The incremental schedule's data: no reservation, so the job takes one or skips.</summary>
    public static JobDataMap Scheduled(BackfillMode mode) => new BackfillJobData(new BackfillRequest(mode), null, Reserved: false).ToMap();

    public JobDataMap ToMap()
    {
        var map = new JobDataMap
        {
            [ModeKey] = Request.Mode.ToString(),
            [RetryFailedKey] = Request.RetryFailed.ToString(CultureInfo.InvariantCulture),
            [ReservedKey] = Reserved.ToString(CultureInfo.InvariantCulture),
        };
        if (Request.Workers is { } workers)
            map[WorkersKey] = workers.ToString(CultureInfo.InvariantCulture);
        if (Request.BatchFills is { } batchFills)
            map[BatchFillsKey] = batchFills.ToString(CultureInfo.InvariantCulture);
        if (Request.Wallets is { } wallets)
            map[WalletsKey] = wallets.ToString();
        if (ResumeRunId is not null)
            map[ResumeRunIdKey] = ResumeRunId;
        return map;
    }

    public static BackfillJobData FromMap(JobDataMap map)
    {
        string? Text(string key) => map.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        var request = new BackfillRequest(
            Mode: Enum.Parse<BackfillMode>(Text(ModeKey) ?? nameof(BackfillMode.Full)),
            Workers: Text(WorkersKey) is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : null,
            BatchFills: Text(BatchFillsKey) is { } b ? long.Parse(b, CultureInfo.InvariantCulture) : null,
            Wallets: Text(WalletsKey) is { } range ? WalletRange.Parse(range) : null,
            RetryFailed: bool.Parse(Text(RetryFailedKey) ?? "false"));
        return new BackfillJobData(request, Text(ResumeRunIdKey), bool.Parse(Text(ReservedKey) ?? "false"));
    }
}
