using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

public sealed record RunStartedMessage(string RunId, DateTimeOffset At, BackfillMode Mode, int Workers, long BatchFills,
    string? WalletRange, int BatchesTotal, long WalletsTotal, long FillsTotal)
{
    public static RunStartedMessage From(RunStarted s) =>
        new(s.RunId, s.At, s.Mode, s.Workers, s.BatchFills, s.WalletRange, s.BatchesTotal, s.WalletsTotal, s.FillsTotal);
}
