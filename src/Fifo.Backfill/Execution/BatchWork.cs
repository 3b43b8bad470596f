using Fifo.Core.Planning;

namespace Fifo.Backfill.Execution;

/// <summary>One query's worth of work: compute and commit the lots of the wallets in <see cref="Span"/>.</summary>
/// <param name="RunId">The run, recorded with the wallets' summary rows.</param>
/// <param name="BatchNo">The planned batch this work belongs to (a split half keeps its batch's number).</param>
/// <param name="Span">Wallet key range, both ends inclusive.</param>
/// <param name="StagedWalletsOnly">Incremental runs: only the span's wallets staged for the run, not all of them.</param>
/// <param name="Version">Lots version, new for every attempt, so a redone batch never collides with an earlier try.</param>
/// <param name="Settings">ClickHouse settings for the query.</param>
/// <param name="QueryId">ClickHouse query id, to find and kill the query.</param>
public sealed record BatchWork(
    string RunId,
    int BatchNo,
    WalletSpan Span,
    bool StagedWalletsOnly,
    ulong Version,
    IReadOnlyDictionary<string, string> Settings,
    string QueryId);
