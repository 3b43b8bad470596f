-- Every run whose newest row is in one of the given states, newest first, however far back it started: e.g. the runs
-- that may still be executing (a resumed run can have started long before many newer ones), the runs left with
-- failed batches, or the completed runs an incremental run takes its baseline from. Only what deciding about them needs; runs are append-only (004_backfill_bookkeeping.sql).
SELECT run_id, state, wallet_range, owner, heartbeat_at, started_at
FROM
(
    SELECT run_id, state, wallet_range, owner, heartbeat_at, started_at
    FROM {{Runs}}
    ORDER BY run_id, revision DESC
    LIMIT 1 BY run_id
)
WHERE state IN {states:Array(String)}
ORDER BY started_at DESC, run_id DESC
