-- Every batch of a run as its newest row, in batch order (append-only, see 004_backfill_bookkeeping.sql).
SELECT
    run_id, batch_no, revision, first_wallet, last_wallet, wallets, fills, state, attempts, retries,
    lots_version, rows_written, duration_ms, started_at, finished_at, error
FROM {{Batches}}
WHERE run_id = {runId:String}
ORDER BY batch_no, revision DESC
LIMIT 1 BY batch_no
