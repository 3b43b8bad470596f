namespace Fifo.ClickHouse.Tests.Reports;

/// <summary>A wallet-summary row as the backfill commits it.</summary>
internal sealed record SummaryRow(
    string Wallet, ulong Version, uint Positions, uint Lots, uint ResolvedLots, uint ClosedLots, uint Wins,
    double TotalPnl, double TotalCost, double VolumeUsd, DateTime FirstTrade, DateTime LastTrade);
