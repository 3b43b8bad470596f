-- Demo data, step 2: resolution history. Resolved markets get a final row, some also an earlier row naming another
-- winner (re-resolved) and/or a newer deleted row (ignored by the spec's rule); 50-50 markets pay [1,1]; a few
-- unresolved markets carry a row with empty numerators. Numerators alternate between [1,0] and ["1","0"].
-- {{ResolutionsTarget}} is a staging copy of the resolutions table, attached to it when every step has succeeded.
INSERT INTO {{ResolutionsTarget}} (condition_id, payout_numerators, payout_denominator, resolved_at, is_deleted, insert_time)
SELECT
    condition_id,
    if(kind = 'pending', '',
        concat('[', arrayStringConcat(arrayMap(x -> if(quoted = 1, concat('"', toString(x), '"'), toString(x)), payout), ','), ']')) AS payout_numerators,
    if(kind = 'pending', '', toString(arraySum(payout))) AS payout_denominator,
    toDateTime(if(kind = 'early', end_time - 3600, end_time), 'UTC') AS resolved_at,
    toUInt8(kind = 'deleted') AS is_deleted,
    toDateTime(end_time + multiIf(kind = 'early', 60, kind = 'final' AND re_resolved = 1, 86400, kind = 'deleted', 2 * 86400, 120), 'UTC') AS insert_time
FROM
(
    SELECT
        *,
        kind,
        arrayMap(i -> toUInt8(status = 'fifty_fifty' OR i = if(kind IN ('early', 'deleted'), (winner + 1) % outcomes, winner)), range(outcomes)) AS payout
    FROM {{Fills}}_demo_markets
    ARRAY JOIN
        multiIf(
            status = 'unresolved' AND pending_row = 1, ['pending'],
            status = 'unresolved', CAST([], 'Array(String)'),
            arrayConcat(if(re_resolved = 1, ['early'], []), ['final'], if(deleted_row = 1, ['deleted'], []))) AS kind
);
