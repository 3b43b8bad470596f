-- Exact count of rows repeating a lot key in the deduplicated view (run only when the hashed count finds any).
SELECT
    count() AS duplicated_keys,
    toUInt64(sum(rows) - count()) AS extra_rows
FROM
(
    SELECT count() AS rows
    FROM {{LotsDeduped}}
    GROUP BY wallet, condition_id, outcome_index, tx_hash, is_short
    HAVING rows > 1
)
