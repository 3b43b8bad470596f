-- The newest runs (at most the limit parameter; only the one named by runId when that is not empty), each as its newest row, with its batch
-- counts summed over each batch's newest row. Runs and batches are append-only (004_backfill_bookkeeping.sql).
WITH
    runs AS (
        SELECT *
        FROM {{Runs}}
        WHERE {runId:String} = '' OR run_id = {runId:String}
        ORDER BY run_id, revision DESC
        LIMIT 1 BY run_id
    ),
    picked AS (
        SELECT * FROM runs ORDER BY started_at DESC, run_id DESC LIMIT {limit:UInt32}
    ),
    batches AS (
        SELECT run_id, state, wallets, fills, rows_written, retries
        FROM {{Batches}}
        WHERE run_id IN (SELECT run_id FROM picked)
        ORDER BY run_id, batch_no, revision DESC
        LIMIT 1 BY run_id, batch_no
    ),
    totals AS (
        SELECT
            run_id,
            count()                                  AS batches_total,
            countIf(state = 'Succeeded')             AS batches_done,
            countIf(state = 'Failed')                AS batches_failed,
            sum(wallets)                             AS wallets_total,
            sumIf(wallets, state = 'Succeeded')      AS wallets_done,
            sum(fills)                               AS fills_total,
            sumIf(fills, state = 'Succeeded')        AS fills_done,
            sumIf(fills, state = 'Failed')           AS fills_failed,
            sum(rows_written)                        AS rows_written,
            sum(retries)                             AS retries
        FROM batches
        GROUP BY run_id
    )
SELECT
    p.run_id AS run_id, p.revision AS revision, p.state AS state, p.mode AS mode,
    p.started_at AS started_at, p.finished_at AS finished_at, p.heartbeat_at AS heartbeat_at,
    p.active_ms AS active_ms, p.owner AS owner, p.workers AS workers, p.batch_fills AS batch_fills,
    p.wallet_range AS wallet_range, p.request AS request, p.settings AS settings,
    p.baseline_run_id AS baseline_run_id, p.fills_part_marks AS fills_part_marks,
    p.resolutions_part_marks AS resolutions_part_marks, p.error AS error,
    t.batches_total AS batches_total, t.batches_done AS batches_done, t.batches_failed AS batches_failed,
    t.wallets_total AS wallets_total, t.wallets_done AS wallets_done, t.fills_total AS fills_total,
    t.fills_done AS fills_done, t.fills_failed AS fills_failed, t.rows_written AS rows_written, t.retries AS retries
FROM picked AS p
LEFT JOIN totals AS t ON t.run_id = p.run_id
ORDER BY p.started_at DESC, p.run_id DESC
SETTINGS join_use_nulls = 0
