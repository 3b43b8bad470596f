-- Carrying wallets forward (docs/incremental.md): an incremental run continues a wallet whose only change is fills
-- later than any it had, from the lots it left open, instead of recomputing its whole history.

-- Where the engine writes every lot it computes, open ones included. Nothing is stored here: the two materialized
-- views below route each row, so one computation fills both tables without a second pass over the fills.
CREATE TABLE IF NOT EXISTS {{LotsInput}}
(
    wallet            LowCardinality(String),
    condition_id      LowCardinality(String),
    outcome_index     UInt8,
    tx_hash           String,
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
    closed_value      Float64 COMMENT 'Σ closed tokens · the closing fill''s price, in USD',
    _version          UInt64
)
ENGINE = Null;

-- The lots that still hold tokens of an unresolved market: open lots, and closed lots with dust left. A carried
-- step starts from these. A row with an empty tx_hash marks a position a carried step left without any: the newest
-- version of a position's rows (among its wallet's committed versions) is the position's state.
CREATE TABLE IF NOT EXISTS {{OpenLots}}
(
    wallet            LowCardinality(String),
    condition_id      LowCardinality(String),
    outcome_index     UInt8,
    tx_hash           String COMMENT 'opening fill_id; empty: nothing left open in this position',
    is_short          UInt8,
    is_maker          UInt8,
    entry_time        DateTime,
    exit_time         Nullable(DateTime),
    tokens            Float64,
    entry_price       Float64,
    tokens_sold_early Float64,
    closed_value      Float64 COMMENT 'Σ closed tokens · the closing fill''s price, in USD',
    is_closed         UInt8 COMMENT '1: closed with dust left (stored in the lots table as well)',
    cost_usd          Float64,
    pnl_usd           Float64,
    _version          UInt64,
    -- Carried steps look positions up by this number: far cheaper than comparing the two strings of every row.
    position_key      UInt64 MATERIALIZED cityHash64(wallet, condition_id, outcome_index)
)
ENGINE = MergeTree
ORDER BY (wallet, condition_id, outcome_index);

-- Stored lots a carried step replaced: a closed lot with dust left is stored, and new fills may close more of it. The
-- step stores the lot again under its own version; the deduplicated view leaves out the row replaced, once the
-- step's version counts for the wallet.
CREATE TABLE IF NOT EXISTS {{ReplacedLots}}
(
    wallet           LowCardinality(String),
    condition_id     LowCardinality(String),
    outcome_index    UInt8,
    tx_hash          String,
    is_short         UInt8,
    replaced_version UInt64 COMMENT 'the _version of the lots-table row replaced',
    -- The replaced row's figures, which the wallet's summary takes out.
    tokens           Float64,
    entry_price      Float64,
    cost_usd         Float64,
    pnl_usd          Float64,
    _version         UInt64 COMMENT 'the carried step that replaced it'
)
ENGINE = MergeTree
ORDER BY (wallet, condition_id, outcome_index, tx_hash);

CREATE MATERIALIZED VIEW IF NOT EXISTS {{LotsInput}}_stored TO {{Lots}} AS
SELECT wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price,
       cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at,
       is_closed, _version
FROM {{LotsInput}}
WHERE resolved_at IS NOT NULL OR is_closed = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS {{LotsInput}}_open TO {{OpenLots}} AS
SELECT wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price,
       tokens_sold_early, closed_value, is_closed, cost_usd, pnl_usd, _version
FROM {{LotsInput}}
WHERE resolved_at IS NULL AND tokens_held > 0;

-- A summary row now names every lots version its wallet's lots are made of: its own, and after carried steps the
-- versions before them, back to the last whole computation. Rows written before this have just their own. The
-- deduplicated view shows the lots of those versions, less the rows they replaced.
ALTER TABLE {{WalletSummary}}
    ADD COLUMN IF NOT EXISTS lots_versions Array(UInt64) DEFAULT [_version]
        COMMENT 'the lots versions the wallet''s lots are made of, oldest first; the last is _version',
    ADD COLUMN IF NOT EXISTS fills_until DateTime DEFAULT 0
        COMMENT 'newest event_time among the wallet''s fill rows when computed: later fills are new to it',
    ADD COLUMN IF NOT EXISTS open_lots_kept UInt8 DEFAULT 0
        COMMENT '1: its open lots are in the open-lots table, so it can be carried forward';

CREATE OR REPLACE VIEW {{LotsDeduped}} AS
SELECT
    wallet,
    condition_id,
    outcome_index,
    tx_hash,
    -- The order id the opening fill_id carries, as Fifo.Core.Lots.OrderIdParser.Pattern
    -- (^clob_[^_]+_([^_]+?)(?:-[a-z]+)?$) extracts it, spelled with string functions (cheaper than the regular
    -- expression); a writer that stored one keeps it.
    if(order_id != '', order_id,
       if(startsWith(tx_hash, 'clob_') AND countSubstrings(tx_hash, '_') = 2 AND position(tx_hash, '_', 6) > 6
              AND NOT endsWith(tx_hash, '_'),
          -- the part after the second '_', without a trailing '-' + lower-case letters (the leg: -m, -t)
          if(length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) >= 2
                 AND match(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1), '^[a-z]+$'),
             substring(substringIndex(tx_hash, '_', -1), 1,
                       length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) - 1),
             substringIndex(tx_hash, '_', -1)),
          '')) AS order_id,
    is_short,
    is_maker,
    entry_time,
    exit_time,
    tokens,
    entry_price,
    cost_usd,
    tokens_sold_early,
    tokens_held,
    exit_value,
    pnl_usd,
    roi,
    pct_sold_early,
    payout_rate,
    resolved_at,
    is_closed,
    _version
FROM {{Lots}}
-- The two subqueries on the wallet summary are the same text, so the server builds that set once.
WHERE (wallet, _version) IN (SELECT wallet, arrayJoin(argMax(lots_versions, _version)) FROM {{WalletSummary}} GROUP BY wallet)
  AND (wallet, condition_id, outcome_index, tx_hash, is_short, _version) NOT IN
      (SELECT wallet, condition_id, outcome_index, tx_hash, is_short, replaced_version
       FROM {{ReplacedLots}}
       WHERE (wallet, _version) IN (SELECT wallet, arrayJoin(argMax(lots_versions, _version)) FROM {{WalletSummary}} GROUP BY wallet));

-- Which staged wallets an incremental run carries forward; the others it recomputes whole.
ALTER TABLE {{RunWallets}}
    ADD COLUMN IF NOT EXISTS carry UInt8 DEFAULT 0
        COMMENT '1: carried forward from its open lots with its rows in the run-fills table; 0: recomputed whole';

-- The fill rows an incremental run found new (inserted since its baseline), copied when it is planned: the carried
-- wallets' batches read exactly these, however the fills table's parts merge meanwhile, and a resumed run reads
-- the same rows again.
CREATE TABLE IF NOT EXISTS {{RunFills}}
(
    run_id        String,
    wallet        String,
    fill_id       String,
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
ENGINE = MergeTree
ORDER BY (run_id, wallet, condition_id, outcome_index, event_time, fill_id);

-- The open lots one attempt of a carried batch continues (copy_carried_open_lots.sql), read by its statements.
CREATE TABLE IF NOT EXISTS {{RunOpenLots}}
(
    run_id            String,
    _version          UInt64 COMMENT 'the attempt: the lots version it writes',
    wallet            LowCardinality(String),
    condition_id      LowCardinality(String),
    outcome_index     UInt8,
    tx_hash           String,
    is_short          UInt8,
    is_maker          UInt8,
    entry_time        DateTime,
    exit_time         Nullable(DateTime),
    tokens            Float64,
    entry_price       Float64,
    tokens_sold_early Float64,
    closed_value      Float64,
    is_closed         UInt8,
    cost_usd          Float64,
    pnl_usd           Float64,
    lots_version      UInt64 COMMENT 'the version of the open-lots row copied'
)
ENGINE = MergeTree
ORDER BY (run_id, _version, wallet, condition_id, outcome_index);
