using Fifo.Admin.Live;

namespace Fifo.Admin.Hubs.Messages;

public sealed record WorkerDto(int Worker, WorkerStatus Status, int? BatchNo, int Attempt, long Fills, DateTimeOffset Since)
{
    public static WorkerDto From(WorkerActivity w) => new(w.Worker, w.Status, w.BatchNo, w.Attempt, w.Fills, w.Since);
}
