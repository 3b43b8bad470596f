-- Current resolution rows (newest non-deleted per condition) whose numerators are neither empty (= unresolved) nor
-- usable: they do not parse (numbers too large to sum count as not parsing, as in PayoutParser and compute_lots.sql),
-- or they sum to 0. Such conditions count as unresolved and are reported here.
SELECT
    count() AS conditions,
    countIf(NOT is_empty AND NOT parses) AS unparseable,
    countIf(parses AND NOT is_empty AND arraySum(numerators) = 0) AS zero_sum,
    groupArrayIf(5)(concat(condition_id, ' ''', text, ''''), NOT is_empty AND (NOT parses OR arraySum(numerators) = 0)) AS examples
FROM
(
    SELECT
        condition_id,
        argMax(payout_numerators, (insert_time, resolved_at, payout_numerators)) AS text,
        match(text, {empty_pattern:String}) AS is_empty,
        arrayMap(x -> toFloat64(x), extractAll(text, {number_pattern:String})) AS numerators,
        match(text, {payout_pattern:String}) AND isFinite(arraySum(numerators)) AS parses
    FROM {{Resolutions}}
    WHERE is_deleted = 0
    GROUP BY condition_id
)
