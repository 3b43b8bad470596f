-- FIFO lots, append-only. Each computation of a wallet writes all its lots under one new _version and then
-- one row into {{WalletSummary}}; that summary row is the commit marker. The deduplicated view shows only
-- lots of each wallet's newest committed version, so a re-run never duplicates rows, lots that no longer
-- exist disappear, and a batch killed mid-insert leaves only invisible rows behind.
-- Layout chosen for cheap inserts, which are a large part of a backfill: wallet and condition_id are
-- LowCardinality, and the sort key is just the wallet (every read is by wallet or a full scan), so a batch's rows,
-- which come out grouped by wallet, are sorted almost for free.
CREATE TABLE IF NOT EXISTS {{Lots}}
(
    wallet            LowCardinality(String),
    condition_id      LowCardinality(String),
    outcome_index     UInt8,
    tx_hash           String COMMENT 'opening fill_id',
    -- The SQL engine leaves this empty and the deduplicated view derives it from tx_hash
    -- (Fifo.Core.Lots.OrderIdParser): doing that for every written row would cost more than the rest of the insert.
    order_id          String DEFAULT '' COMMENT 'empty: derived from tx_hash by the deduplicated view',
    is_short          UInt8,
    is_maker          UInt8,
    entry_time        DateTime,
    exit_time         Nullable(DateTime) COMMENT 'last fill that closed part of the lot; NULL when none did',
    tokens            Float64,
    entry_price       Float64,
    cost_usd          Float64,
    tokens_sold_early Float64,
    tokens_held       Float64,
    exit_value        Float64,
    pnl_usd           Float64,
    roi               Float64,
    pct_sold_early    Float64,
    payout_rate       Float64 COMMENT '0 while unresolved',
    resolved_at       Nullable(DateTime),
    is_closed         UInt8,
    _version          UInt64
)
ENGINE = MergeTree
ORDER BY wallet;

-- One row per wallet computation, written after its lots: the commit marker, and the leaderboard's pre-aggregate
-- over the lots that computation wrote (resolved and closed lots; open lots are not stored).
CREATE TABLE IF NOT EXISTS {{WalletSummary}}
(
    wallet        String,
    _version      UInt64,
    run_id        String,
    computed_at   DateTime64(3),
    positions     UInt32 COMMENT 'distinct (condition_id, outcome_index) among the lots',
    lots          UInt32,
    resolved_lots UInt32,
    closed_lots   UInt32,
    wins          UInt32 COMMENT 'lots with pnl_usd > 0',
    total_pnl     Float64,
    total_cost    Float64,
    volume_usd    Float64 COMMENT 'Σ tokens · entry_price: the USD size of the lots when opened',
    first_trade   Nullable(DateTime) COMMENT 'earliest entry_time; NULL for a wallet without lots',
    last_trade    Nullable(DateTime) COMMENT 'latest entry_time or exit_time'
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY wallet;
