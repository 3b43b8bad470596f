using Fifo.Admin.Live;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Hubs.Messages;

/// <summary>The latest state of one batch (in <see cref="RunViewMessage.RecentBatches"/>).</summary>
public sealed record BatchDto(int BatchNo, BatchState State, int? Worker, int Attempt, long Wallets, long Fills, long RowsWritten,
    double? DurationMs, string? Error, DateTimeOffset At)
{
    public static BatchDto From(BatchActivity b) => new(b.BatchNo, b.State, b.Worker, b.Attempt, b.Wallets, b.Fills, b.RowsWritten,
        b.Duration?.TotalMilliseconds, b.Error, b.At);
}
