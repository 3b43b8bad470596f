-- Per-row identities of the spec (tolerance {tolerance} for sums of Float64), counted per identity.
SELECT
    count() AS lots,
    countIf(NOT (tokens > 0)) AS non_positive_tokens,
    countIf(NOT (abs(tokens_sold_early + tokens_held - tokens) <= {tolerance:Float64})) AS tokens_mismatch,
    countIf(NOT (abs(exit_value - cost_usd - pnl_usd) <= {tolerance:Float64})) AS pnl_mismatch,
    countIf(NOT (if(cost_usd = 0, roi = 0, abs(roi * cost_usd - pnl_usd) <= {tolerance:Float64}))) AS roi_mismatch,
    countIf(is_short = 0 AND roi < -1 - 1e-9) AS long_roi_below_minus_one,
    countIf(is_short = 1 AND cost_usd < -{tolerance:Float64} AND entry_price >= 0 AND entry_price <= 1) AS negative_short_cost,
    countIf(NOT (pct_sold_early >= 0 AND pct_sold_early <= 100 + 1e-9)) AS pct_out_of_range,
    countIf(resolved_at IS NULL AND is_closed = 1 AND tokens_held >= {dust:Float64}) AS closed_above_dust
FROM {{LotsDeduped}}
