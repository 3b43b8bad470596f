using Dapper;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// A wallet's figures in pm_trade_fifo_roi_v3_wallet_summary as the product reads them: its newest row by _version.
/// Only the numbers are compared (not run_id, computed_at or _version, which say how the row was computed): counts
/// and times exactly, sums within 1e-6 USD, since another batch layout or engine may add the same lots in another order.
/// </summary>
internal sealed record WalletFigures(
    string Wallet, uint Positions, uint Lots, uint ResolvedLots, uint ClosedLots, uint Wins,
    double TotalPnl, double TotalCost, double VolumeUsd, DateTime? FirstTrade, DateTime? LastTrade)
{
    // Ties on _version (a batch committed again under the same version) are copies of the same computation.
    private const string Sql = """
        SELECT wallet AS Wallet, positions AS Positions, lots AS Lots, resolved_lots AS ResolvedLots,
               closed_lots AS ClosedLots, wins AS Wins, total_pnl AS TotalPnl, total_cost AS TotalCost,
               volume_usd AS VolumeUsd, first_trade AS FirstTrade, last_trade AS LastTrade
        FROM pm_trade_fifo_roi_v3_wallet_summary
        ORDER BY wallet, _version DESC
        LIMIT 1 BY wallet
        """;

    public static async Task<IReadOnlyList<WalletFigures>> ReadNewestAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<WalletFigures>(Sql)).AsList();
    }

    public static void Compare(Mismatches mismatches, IReadOnlyList<WalletFigures> expected, IReadOnlyList<WalletFigures> actual) =>
        mismatches.CompareByKey(expected, actual, w => $"summary {w.Wallet}", (key, e, a) =>
        {
            mismatches.Exact(key, "positions", e.Positions, a.Positions);
            mismatches.Exact(key, "lots", e.Lots, a.Lots);
            mismatches.Exact(key, "resolved_lots", e.ResolvedLots, a.ResolvedLots);
            mismatches.Exact(key, "closed_lots", e.ClosedLots, a.ClosedLots);
            mismatches.Exact(key, "wins", e.Wins, a.Wins);
            mismatches.Close(key, "total_pnl", e.TotalPnl, a.TotalPnl);
            mismatches.Close(key, "total_cost", e.TotalCost, a.TotalCost);
            mismatches.Close(key, "volume_usd", e.VolumeUsd, a.VolumeUsd);
            mismatches.Exact(key, "first_trade", e.FirstTrade, a.FirstTrade);
            mismatches.Exact(key, "last_trade", e.LastTrade, a.LastTrade);
        });
}
