-- The deduplicated view must hold exactly one row per lot key.
SELECT
    count() AS lots,
    uniqExact(wallet, condition_id, outcome_index, tx_hash, is_short) AS keys
FROM {{LotsDeduped}}
