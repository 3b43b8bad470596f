using Fifo.Admin.Live;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

/// <summary>The answer of <c>GetCurrentRun</c>: everything a client that connects mid-run needs to draw the run.</summary>
public sealed record RunViewMessage(
    string RunId,
    RunState State,
    string? Message,
    BackfillMode? Mode,
    ProgressDto? Progress,
    IReadOnlyList<WorkerDto> Workers,
    IReadOnlyList<BatchDto> RecentBatches,
    DateTimeOffset UpdatedAt)
{
    public static RunViewMessage From(LiveRunView v) => new(v.RunId, v.State, v.Message, v.Start?.Mode,
        v.Progress is null ? null : ProgressDto.From(v.Progress), v.Workers.Select(WorkerDto.From).ToArray(),
        v.RecentBatches.Select(BatchDto.From).ToArray(), v.UpdatedAt);

    public static RunViewMessage From(BackfillRun r) => new(r.RunId, r.State, r.Error, r.Mode, ProgressDto.From(r.Progress), [], [],
        r.FinishedAt ?? r.StartedAt);
}
