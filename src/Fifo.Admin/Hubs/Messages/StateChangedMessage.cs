using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

public sealed record StateChangedMessage(string RunId, DateTimeOffset At, RunState State, string? Message)
{
    public static StateChangedMessage From(RunStateChanged c) => new(c.RunId, c.At, c.State, c.Message);
}
