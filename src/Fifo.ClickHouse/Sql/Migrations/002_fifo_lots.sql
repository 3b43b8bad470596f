-- FIFO lots, append-only. Each computation of a wallet writes all its lots under one new _version and then
-- one row into {{WalletSummary}}; that summary row is the commit marker. The deduplicated view shows only
-- lots of each wallet's newest committed version, so a re-run never duplicates rows, lots that no longer
-- exist disappear, and a batch killed mid-insert leaves only invisible rows behind.
CREATE TABLE IF NOT EXISTS {{Lots}}
(
    wallet            String,
    condition_id      String,
    outcome_index     UInt8,
    tx_hash           String COMMENT 'opening fill_id',
    order_id          String,
    is_short          UInt8,
    is_maker          UInt8,
    entry_time        DateTime,
    exit_time         Nullable(DateTime),
    tokens            Float64,
    entry_price       Float64,
    cost_usd          Float64,
    tokens_sold_early Float64,
    tokens_held       Float64,
    exit_value        Float64,
    pnl_usd           Float64,
    roi               Float64,
    pct_sold_early    Float64,
    payout_rate       Float64,
    resolved_at       Nullable(DateTime),
    is_closed         UInt8,
    _version          UInt64
)
ENGINE = MergeTree
ORDER BY (wallet, condition_id, outcome_index, tx_hash, is_short, _version);

CREATE TABLE IF NOT EXISTS {{WalletSummary}}
(
    wallet        String,
    _version      UInt64,
    run_id        String,
    computed_at   DateTime64(3),
    positions     UInt32,
    lots          UInt32,
    resolved_lots UInt32,
    closed_lots   UInt32,
    wins          UInt32,
    total_pnl     Float64,
    total_cost    Float64,
    volume_usd    Float64,
    first_trade   DateTime,
    last_trade    DateTime
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY wallet;
