-- One wallet's stored lots (resolved and closed rows of its current computation), aliased to LotRow's members.
SELECT
    wallet AS Wallet,
    condition_id AS ConditionId,
    outcome_index AS OutcomeIndex,
    tx_hash AS TxHash,
    order_id AS OrderId,
    toBool(is_short) AS IsShort,
    toBool(is_maker) AS IsMaker,
    entry_time AS EntryTime,
    exit_time AS ExitTime,
    tokens AS Tokens,
    entry_price AS EntryPrice,
    cost_usd AS CostUsd,
    tokens_sold_early AS TokensSoldEarly,
    tokens_held AS TokensHeld,
    exit_value AS ExitValue,
    pnl_usd AS PnlUsd,
    roi AS Roi,
    pct_sold_early AS PctSoldEarly,
    payout_rate AS PayoutRate,
    resolved_at AS ResolvedAt,
    toBool(is_closed) AS IsClosed
FROM {{LotsDeduped}}
WHERE wallet = {wallet:String}
ORDER BY condition_id, outcome_index, entry_time, tx_hash, is_short
