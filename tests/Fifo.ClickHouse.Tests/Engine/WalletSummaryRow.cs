namespace Fifo.ClickHouse.Tests.Engine;

/// <summary>One row of the wallet summary as the engine commits it.</summary>
internal sealed record WalletSummaryRow(
    string Wallet, ulong Version, string RunId, uint Positions, uint Lots, uint ResolvedLots, uint ClosedLots, uint Wins,
    double TotalPnl, double TotalCost, double VolumeUsd, DateTime? FirstTrade, DateTime? LastTrade);
