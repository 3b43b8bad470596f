-- Plausibility of the stored PnL as a whole: win rate, aggregate ROI, extreme lots, non-finite values.
SELECT
    count() AS lots,
    sum(pnl_usd) AS total_pnl,
    sum(cost_usd) AS total_cost,
    countIf(pnl_usd > 0) AS wins,
    countIf(abs(pnl_usd) > {max_abs_pnl:Float64}) AS extreme_lots,
    countIf(NOT (isFinite(pnl_usd) AND isFinite(cost_usd) AND isFinite(exit_value) AND isFinite(roi))) AS non_finite,
    minOrDefault(pnl_usd) AS min_pnl,
    maxOrDefault(pnl_usd) AS max_pnl
FROM {{LotsDeduped}}
