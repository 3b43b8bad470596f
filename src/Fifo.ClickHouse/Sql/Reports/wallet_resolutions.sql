-- Every resolution row (history and deletions included) of the conditions one wallet traded, in the order of
-- Fifo.Core.Model.Resolution's constructor; the reference engine picks the current row itself.
SELECT
    condition_id AS ConditionId,
    payout_numerators AS PayoutNumerators,
    payout_denominator AS PayoutDenominator,
    resolved_at AS ResolvedAt,
    toBool(is_deleted) AS IsDeleted,
    insert_time AS InsertTime
FROM {{Resolutions}}
WHERE condition_id IN (SELECT condition_id FROM {{Fills}} WHERE wallet = {wallet:String})
