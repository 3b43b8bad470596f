-- Stored lots against the current resolution of their condition (docs/FIFO-RULES.md, "Resolutions": deleted rows
-- do not exist, the newest remaining row by insert_time decides, its numerators must parse with a positive, finite
-- sum).
-- Lots are first grouped down to one row per (condition, outcome, resolution, payout); conditions are keyed by a
-- 64-bit hash of condition_id, which makes that pass over every lot several times cheaper than string keys.
WITH current AS
(
    SELECT
        cityHash64(condition_id) AS condition_hash,
        argMax((payout_numerators, resolved_at), (insert_time, resolved_at, payout_numerators)) AS newest,
        arrayMap(x -> toFloat64(x), extractAll(newest.1, {number_pattern:String})) AS numerators,
        match(newest.1, {payout_pattern:String}) AND length(numerators) > 0 AND arraySum(numerators) > 0
            AND isFinite(arraySum(numerators)) AS resolved
    FROM {{Resolutions}}
    WHERE is_deleted = 0
    GROUP BY condition_id
)
SELECT
    sumIf(l.lots, l.resolved_at IS NOT NULL AND NOT c.resolved) AS resolved_lots_unresolved_market,
    uniqExactIf(l.condition_hash, l.resolved_at IS NOT NULL AND NOT c.resolved) AS conditions_resolved_lots_unresolved_market,
    sumIf(l.lots, l.resolved_at IS NULL AND c.resolved) AS unresolved_lots_resolved_market,
    uniqExactIf(l.condition_hash, l.resolved_at IS NULL AND c.resolved) AS conditions_unresolved_lots_resolved_market,
    sumIf(l.lots, l.resolved_at IS NOT NULL AND c.resolved AND NOT (abs(l.payout_rate
        - if(l.outcome_index < length(c.numerators), c.numerators[l.outcome_index + 1] / arraySum(c.numerators), 0)) <= 1e-9)) AS payout_mismatch,
    sumIf(l.lots, l.resolved_at IS NOT NULL AND c.resolved AND l.resolved_at != c.newest.2) AS resolved_at_mismatch
FROM
(
    SELECT
        cityHash64(condition_id) AS condition_hash,
        outcome_index,
        resolved_at,
        payout_rate,
        count() AS lots
    FROM {{LotsDeduped}}
    GROUP BY condition_hash, outcome_index, resolved_at, payout_rate
) AS l
LEFT JOIN current AS c ON c.condition_hash = l.condition_hash
