-- The "newest" incremental scenario's new fills: a night of new trading as the carry-forward incremental path expects
-- it, every new fill later than every existing one and in a market that is still open. The rows copied are a
-- deterministic sample (by fill_id hash) of the rows of open markets, so the new fills land on existing wallets and
-- positions in proportion to their activity there; open markets hold only part of the rows, so the sample rate is
-- raised until the copies make ~1% of all fill rows, as in the re-traded scenario. Each copy keeps the sampled row's
-- wallet, position, side, size, price, tx_hash, source, is_maker and is_self_fill (realistic trades); it gets a new
-- fill_id, and event_time, block_number and _version above every existing value:
--   * event_time: the sampled times, in their order, squeezed into the day that starts 1 s after the last fill
--     (the open markets' whole time range maps linearly onto 86,400 s);
--   * block_number: one block per 2 s of that day (the demo data's block time), above the highest block;
--   * _version: shifted above the highest version, keeping the sample's version order, so that a sampled stale
--     duplicate (same fill_id, lower _version) stays the losing copy of its fill.
-- "Open" here means no resolution row that is not deleted: the engine's current resolution (compute_lots.sql) is the
-- newest non-deleted row, so such markets have none. remove_new_fills.sql takes the copies out again.
INSERT INTO {{Fills}}
    (fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source, is_maker,
     is_self_fill, block_number, _version)
WITH
    resolved_markets AS (SELECT condition_id FROM {{Resolutions}} WHERE is_deleted = 0),
    (SELECT (count(), max(event_time), max(block_number), min(_version), max(_version)) FROM {{Fills}}) AS table_stats,
    (SELECT (count(), min(event_time), max(event_time)) FROM {{Fills}} WHERE condition_id NOT IN resolved_markets)
        AS open_stats,
    -- rows per million of the open markets' rows to copy, for 1% of all rows (above a million: copy them all)
    10000 * table_stats.1 / open_stats.1 AS sample_per_million,
    toUInt32(table_stats.2) + 1 AS first_new_time,
    toUInt32(open_stats.2) AS open_first_time,
    greatest(1, toUInt32(open_stats.3) - open_first_time) AS open_time_span
SELECT
    concat(fill_id, {suffix:String}) AS new_fill_id,
    tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta,
    toDateTime(first_new_time + seconds_after_first, 'UTC') AS new_event_time,
    source, is_maker, is_self_fill,
    table_stats.3 + 1 + intDiv(seconds_after_first, 2) AS new_block_number,
    table_stats.5 + 1 + (_version - table_stats.4) AS new_version
FROM
(
    SELECT
        fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, source, is_maker,
        is_self_fill, _version,
        intDiv(toUInt64(toUInt32(event_time) - open_first_time) * 86399, open_time_span) AS seconds_after_first
    FROM {{Fills}}
    WHERE condition_id NOT IN resolved_markets
      AND cityHash64(fill_id) % 1000000 < sample_per_million
)
