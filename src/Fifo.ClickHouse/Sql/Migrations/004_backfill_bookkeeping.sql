-- Backfill bookkeeping, append-only: every change of a run or a batch is a new row and readers take the row
-- with the highest revision. Nothing is ever updated in place, so a process killed at any point leaves a
-- consistent history: at worst a batch whose newest row says 'Running', which the next resume redoes (the lots
-- versioning of 002 makes that free of duplicates).

-- One row per state change / heartbeat of a run. The request, the ClickHouse settings and the incremental
-- high-water marks (see Sql/Backfill/high_water_marks.sql) are recorded with the run so that resumes and the next
-- incremental run read them back.
CREATE TABLE IF NOT EXISTS {{Runs}}
(
    run_id                 String,
    revision               UInt64 COMMENT 'microsecond stamp, strictly increasing per run: newest row wins',
    state                  LowCardinality(String),
    mode                   LowCardinality(String),
    started_at             DateTime64(3, 'UTC'),
    finished_at            Nullable(DateTime64(3, 'UTC')),
    heartbeat_at           DateTime64(3, 'UTC'),
    active_ms              UInt64 COMMENT 'time spent executing, summed over resumes',
    owner                  String COMMENT 'host/pid/process start ms/segment of the process executing the run',
    workers                UInt16,
    batch_fills            UInt64,
    wallet_range           String,
    request                String COMMENT 'the BackfillRequest as JSON',
    settings               String COMMENT 'per-batch ClickHouse settings as a JSON object',
    baseline_run_id        String COMMENT 'incremental: the completed run whose marks it starts from',
    fills_part_marks       String COMMENT 'JSON: per partition the highest block number of the fills parts; empty: none',
    resolutions_part_marks String COMMENT 'JSON: the same for the resolutions parts',
    error                  String
)
ENGINE = MergeTree
ORDER BY (run_id, revision);

-- One row per state change of a batch. The rows written when the run is planned are the plan itself.
CREATE TABLE IF NOT EXISTS {{Batches}}
(
    run_id        String,
    batch_no      UInt32,
    revision      UInt64 COMMENT 'microsecond stamp, strictly increasing per batch: newest row wins',
    first_wallet  String,
    last_wallet   String,
    wallets       UInt64,
    fills         UInt64,
    state         LowCardinality(String),
    attempts      UInt32 COMMENT 'queries run for it, split halves and retries included',
    retries       UInt32 COMMENT 'retries after transient errors plus splits',
    lots_version  UInt64 COMMENT '_version the newest attempt wrote its lots under',
    rows_written  UInt64,
    duration_ms   Nullable(UInt64),
    started_at    Nullable(DateTime64(3, 'UTC')),
    finished_at   Nullable(DateTime64(3, 'UTC')),
    error         String
)
ENGINE = MergeTree
ORDER BY (run_id, batch_no, revision);

-- The wallets an incremental run recomputes (those with new fills or re-resolved markets), staged on the server
-- so that the set never travels to the client and back and a resumed run recomputes exactly the same wallets.
CREATE TABLE IF NOT EXISTS {{RunWallets}}
(
    run_id  String,
    wallet  String,
    fills   UInt64
)
ENGINE = MergeTree
ORDER BY (run_id, wallet);
