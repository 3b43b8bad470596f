namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>One pass over the stored lots (lot_statistics.sql), shared by several checks of a report.</summary>
public sealed record LotStatistics(
    ulong Lots,
    ulong Resolved,
    ulong Closed,
    ulong OpenStored,
    ulong ResolvedAndClosed,
    ulong KeyHashes,
    ulong NonPositiveTokens,
    ulong TokensMismatch,
    ulong PnlMismatch,
    ulong RoiMismatch,
    ulong LongRoiBelowMinusOne,
    ulong NegativeShortCost,
    ulong PctOutOfRange,
    ulong ClosedAboveDust,
    double TotalPnl,
    double TotalCost,
    ulong Wins,
    ulong ExtremeLots,
    ulong NonFinite,
    double MinPnl,
    double MaxPnl,
    ulong PricesOutside);
