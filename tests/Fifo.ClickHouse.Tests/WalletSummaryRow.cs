namespace Fifo.ClickHouse.Tests;

/// <summary>
/// One row of the wallet summary as a backfill commits it: what the engine tests read back and the report tests write.
/// </summary>
internal sealed record WalletSummaryRow(
    string Wallet, ulong Version, string RunId, uint Positions, uint Lots, uint ResolvedLots, uint ClosedLots, uint Wins,
    double TotalPnl, double TotalCost, double VolumeUsd, DateTime? FirstTrade, DateTime? LastTrade);
