-- The "re-traded" incremental scenario's new fills: 1% of the existing fill rows (those whose fill_id hash is
-- divisible by 100) traded again 30 days later under a new fill_id, so the new fills land on existing wallets and
-- positions in proportion to their activity, in the middle of their histories and in resolved markets too: the case
-- only a whole-wallet recompute handles. remove_new_fills.sql takes them out again by their fill_id suffix.
INSERT INTO {{Fills}}
    (fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source, is_maker,
     is_self_fill, block_number, _version)
SELECT
    concat(fill_id, {suffix:String}), tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta,
    event_time + INTERVAL 30 DAY, source, is_maker, is_self_fill, block_number + 1296000, _version
FROM {{Fills}}
WHERE cityHash64(fill_id) % 100 = 0
