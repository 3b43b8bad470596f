-- Source tables, created only for the embedded engine and fresh servers. A real deployment already has them:
-- IF NOT EXISTS leaves them exactly as they are, and SourceTableVerifier checks they carry the columns we read.

-- One row per wallet leg of a fill. ReplacingMergeTree keeps the highest _version of a fill row once parts merge;
-- until then readers dedupe by fill_id themselves (the spec's "counts once").
CREATE TABLE IF NOT EXISTS {{Fills}}
(
    fill_id       String,
    tx_hash       String,
    wallet        LowCardinality(String),
    condition_id  String,
    outcome_index UInt8,
    tokens_delta  Float64,
    usdc_delta    Float64,
    event_time    DateTime,
    source        LowCardinality(String),
    is_maker      UInt8,
    is_self_fill  UInt8,
    block_number  UInt64,
    _version      UInt64
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY (wallet, condition_id, outcome_index, event_time, fill_id);

-- Every resolution ever reported, history kept (plain MergeTree): a market can be re-resolved or a resolution
-- deleted; the current one is the newest row by insert_time that is not deleted.
CREATE TABLE IF NOT EXISTS {{Resolutions}}
(
    condition_id       String,
    payout_numerators  String,
    payout_denominator String,
    resolved_at        DateTime,
    is_deleted         UInt8,
    insert_time        DateTime
)
ENGINE = MergeTree
ORDER BY (condition_id, insert_time);
