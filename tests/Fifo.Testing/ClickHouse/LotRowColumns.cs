namespace Fifo.Testing.ClickHouse;

/// <summary>The lots tables' columns under <c>Fifo.Core.Model.LotRow</c>'s member names, for reading lots with Dapper.</summary>
public static class LotRowColumns
{
    public const string Select = """
        SELECT wallet AS Wallet, condition_id AS ConditionId, outcome_index AS OutcomeIndex, tx_hash AS TxHash,
               order_id AS OrderId, toBool(is_short) AS IsShort, toBool(is_maker) AS IsMaker, entry_time AS EntryTime,
               exit_time AS ExitTime, tokens AS Tokens, entry_price AS EntryPrice, cost_usd AS CostUsd,
               tokens_sold_early AS TokensSoldEarly, tokens_held AS TokensHeld, exit_value AS ExitValue,
               pnl_usd AS PnlUsd, roi AS Roi, pct_sold_early AS PctSoldEarly, payout_rate AS PayoutRate,
               resolved_at AS ResolvedAt, toBool(is_closed) AS IsClosed
        """;
}
