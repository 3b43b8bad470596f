using Fifo.Core.Backfill;

namespace Fifo.Backfill.Runs;

/// <summary>A run's newest state, the wallets it covers and who last wrote it: enough to tell whether it may still execute.</summary>
internal sealed record RunStatus(
    string RunId,
    RunState State,
    WalletRange Wallets,
    string Owner,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset StartedAt);
