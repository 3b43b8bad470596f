-- Everything the validation report needs from one pass over the stored lots: counts by status, per-row identities
-- (tolerance {tolerance} on sums of Float64), PnL plausibility, prices outside [0, 1], and the number of distinct
-- keys. Keys are counted by a 64-bit hash of (wallet, tx_hash, is_short): a fill_id belongs to one position, so this
-- identifies the lot without reading condition_id. A hash collision, or one fill_id in two positions, can only make
-- the count find a repeat that is not a repeat of the full key; duplicate_keys.sql then counts exactly.
SELECT
    count() AS lots,
    countIf(resolved_at IS NOT NULL) AS resolved,
    countIf(resolved_at IS NULL AND is_closed = 1) AS closed,
    countIf(resolved_at IS NULL AND is_closed = 0) AS open_stored,
    countIf(resolved_at IS NOT NULL AND is_closed = 1) AS resolved_and_closed,
    uniqExact(cityHash64(wallet, tx_hash, is_short)) AS key_hashes,
    countIf(NOT (tokens > 0)) AS non_positive_tokens,
    countIf(NOT (abs(tokens_sold_early + tokens_held - tokens) <= {tolerance:Float64})) AS tokens_mismatch,
    countIf(NOT (abs(exit_value - cost_usd - pnl_usd) <= {tolerance:Float64})) AS pnl_mismatch,
    countIf(NOT (if(cost_usd = 0, roi = 0, abs(roi * cost_usd - pnl_usd) <= {tolerance:Float64}))) AS roi_mismatch,
    countIf(is_short = 0 AND roi < -1 - 1e-9) AS long_roi_below_minus_one,
    countIf(is_short = 1 AND cost_usd < -{tolerance:Float64} AND entry_price >= 0 AND entry_price <= 1) AS negative_short_cost,
    countIf(NOT (pct_sold_early >= 0 AND pct_sold_early <= 100 + 1e-9)) AS pct_out_of_range,
    countIf(resolved_at IS NULL AND is_closed = 1 AND tokens_held >= {dust:Float64}) AS closed_above_dust,
    sum(pnl_usd) AS total_pnl,
    sum(cost_usd) AS total_cost,
    countIf(pnl_usd > 0) AS wins,
    countIf(abs(pnl_usd) > {max_abs_pnl:Float64}) AS extreme_lots,
    countIf(NOT (isFinite(pnl_usd) AND isFinite(cost_usd) AND isFinite(exit_value) AND isFinite(roi))) AS non_finite,
    minOrDefault(pnl_usd) AS min_pnl,
    maxOrDefault(pnl_usd) AS max_pnl,
    countIf(NOT (entry_price >= 0 AND entry_price <= 1)) AS prices_outside
FROM {{LotsDeduped}}
