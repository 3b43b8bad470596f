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
    -- The order id the opening fill_id carries: what Fifo.Core.Lots.OrderIdParser.Pattern
    -- (^clob_[^_]+_([^_]+?)(?:-[a-z]+)?$) extracts, spelled with string functions because the regular expression
    -- costs more per row than the rest of the lots insert. The SQL engine leaves it to this default.
    order_id          String DEFAULT
        if(startsWith(tx_hash, 'clob_') AND countSubstrings(tx_hash, '_') = 2 AND position(tx_hash, '_', 6) > 6
               AND NOT endsWith(tx_hash, '_'),
           -- the part after the second '_', without a trailing '-' + lower-case letters (the leg: -m, -t)
           if(length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) >= 2
                  AND match(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1), '^[a-z]+$'),
              substring(substringIndex(tx_hash, '_', -1), 1,
                        length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) - 1),
              substringIndex(tx_hash, '_', -1)),
           ''),
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
ORDER BY (wallet, condition_id, outcome_index, tx_hash, is_short, _version);

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
