-- Every FIFO lot of the wallets in [first, last] (docs: /work/shared/FIFO-SPEC.md, docs/FIFO-RULES.md), computed on
-- the server in one pass over the fills. FifoSqlEngine wraps this SELECT into INSERT INTO {{LotsInput}} (every lot;
-- materialized views store the resolved and closed ones in {{Lots}} and keep what is still open in {{OpenLots}}) and
-- into a read of one wallet's lots ({include_open} = 1 adds the open lots; the differential tests compare those with
-- the reference engine). Carrying wallets forward (incremental runs) replaces the regions marked fill-rows (where the
-- rows come from) and lots (the lots found, continued from stored open lots): see carried_wallets.sql.
--
-- Parameters: first, last (inclusive wallet key range), wallet_set (incremental runs: only the wallets staged in
-- {{RunWallets}} under this run id; '' = every wallet of the range), version (the lots' _version), dust
-- (Fifo:DustTokens), max_abs_usdc (Fifo.Core.Lots.CountedFills.MaxAbsUsdcDelta), payout_pattern and number_pattern (Fifo.Core.Lots.PayoutParser.Pattern, .NumberPattern),
-- order_id_pattern (Fifo.Core.Lots.OrderIdParser.Pattern), include_open.
--
-- How it works:
-- * The fills are read with FINAL, i.e. the parts are merged on the whole sort key (wallet, condition_id,
--   outcome_index, event_time, fill_id) as they are read, by one thread (FifoSqlEngine pins max_threads = 1 and
--   optimize_aggregation_in_order = 1; batches run in parallel instead). A row's number in that stream
--   (rowNumberInAllBlocks) is its rank, and GROUP BY wallet aggregates in order: a wallet's arrays move on as soon
--   as its last row has been read, instead of every wallet of the batch being held until the end. FINAL also
--   collapses rows that repeat a whole key (an unmerged ReplacingMergeTree) to the highest _version; step 2b settles
--   the rest (a newer version with another time or position). Rows with the same key and the same _version are
--   copies by the spec's definition; if they differ, ReplacingMergeTree keeps the last inserted.
-- * Whales: a batch of one wallet (the planner gives every wallet of half a batch or more one of its own; a read of
--   one wallet's lots is one too) is grouped per position instead, the parts marked per-position: below, so its rows
--   leave the aggregation in blocks of positions rather than as one set of wallet-sized arrays (measured: a 4.8M-fill
--   wallet with another batch in flight, engine peak under 4 GB). A group then no longer sees the wallet's other
--   positions, so the older versions of fill_ids repeated across them are dropped before grouping: the part marked
--   repeated-fill-ids:, which reads the wallet a second time and groups it by fill_id. FifoSqlEngine leaves that part
--   out for a wallet whose fill rows are all of distinct fill_ids (wallet_repeats_fill_ids.sql; an unmerged copy of
--   a row counts as a repeat), as most are: on a 1.1M-fill demo wallet, 0.9 s instead of 1.6 s. It asks again before
--   committing, in case rows that arrived meanwhile were read.
-- * Each wallet's rows become arrays (GROUP BY wallet), which arrive in rank order; everything else is vectorised
--   array arithmetic over each wallet's arrays: nothing sorts or joins the whole batch, and memory follows the
--   batch's fill count, which the planner bounds. The arrays carry numbers (hashes, ranks, micro-tokens, pico-USD);
--   the fill_id and condition_id strings are only picked out, by position, when the lot rows are emitted.
-- * Matching (bought token k <-> sold token k) is an intersection of intervals. Per position, a fill covers
--   [own_before, own_before + q) on its own side's token axis (micro-tokens, counted in (event_time, fill_id) order).
--   The tokens a fill opens are those not already matched by earlier fills of the other side:
--   [lo, hi) = [max(own_before, opp_before), own_before + q). They are closed by the other side's tokens with the
--   same numbers, up to the other side's total: [lo, min(hi, opp_total)).
-- * The value of those closing tokens at each fill's own price is V(end) - V(lo), where V(x) is the cumulative value
--   of the other side's first x tokens. V is piecewise linear, so V at a point needs the other side's fill that
--   contains the point. Sorting all fills of a position by where they end on the shared axis (one sort per wallet,
--   on a single UInt64 key) puts that fill right after the point: a reverse fill over the array finds it.
--   V(lo) is either the other side's value before this fill in time (lo = opp_before) or, when the lot starts where
--   the previous lot of the same side ended, that lot's V(end): no second lookup.
-- * Values are summed exactly as Int128 pico-USD (1e-12), so V(end) - V(lo) has no cancellation error even for
--   whales with billions of USD of volume.
-- * The steps are nested subqueries, numbered from the innermost (1, the aggregation) outwards; each reads the
--   arrays of the step below by name.
SELECT
    wallet,
    condition_id,
    outcome_index,
    fill_id AS tx_hash,
    extract(fill_id, {order_id_pattern:String}) AS order_id,
    lot.2 AS is_short,
    is_maker,
    entry_time,
    if(lot.4 > 0, toNullable(toDateTime(lot.7)), NULL) AS exit_time,
    lot.3 / 1e6 AS tokens,
    lot.5 AS entry_price,
    if(is_short = 1, tokens * (1 - entry_price), tokens * entry_price) AS cost_usd,
    lot.4 / 1e6 AS tokens_sold_early,
    (lot.3 - lot.4) / 1e6 AS tokens_held,
    p.has_payout = 1 AS resolved,
    if(resolved, p.numerators[outcome_index + 1] / p.numerator_sum, 0) AS payout_rate,
    -- lot.6 = Σ closed tokens · the closing fill's price
    if(is_short = 1,
       tokens * entry_price - lot.6 - tokens_held * payout_rate,
       lot.6 + tokens_held * payout_rate - cost_usd) AS pnl_usd,
    if(is_short = 1, cost_usd + pnl_usd, lot.6 + tokens_held * payout_rate) AS exit_value,
    if(cost_usd = 0, 0, pnl_usd / cost_usd) AS roi,
    100 * lot.4 / lot.3 AS pct_sold_early,
    if(resolved, toNullable(p.resolved_at), NULL) AS resolved_at,
    toUInt8(NOT resolved AND tokens_held < {dust:Float64}) AS is_closed,
    lot.6 AS closed_value,
    {version:UInt64} AS _version
FROM
(
/*<lots>*/
-- 9. One row per opening fill: the lots and their fills' strings, keeping only the raw rows that open a lot.
SELECT wallet, fill_id, condition_id, outcome_index, is_maker, entry_time, lot
FROM
(
SELECT
    wallet,
    arrayMap(l -> l.3 > 0, aligned) AS opens,
    arrayFilter((x, o) -> o, ids, opens) AS lot_ids,
    arrayFilter((x, o) -> o, conds, opens) AS lot_conds,
    arrayFilter((x, o) -> o, outcomes, opens) AS lot_outcomes,
    arrayFilter((x, o) -> o, makers, opens) AS lot_makers,
    arrayFilter((x, o) -> o, times, opens) AS lot_times,
    arrayFilter((x, o) -> o, aligned, opens) AS lot_data
FROM
(
-- 8. lot = (raw index, is_short, opened micro-tokens, closed micro-tokens, entry price, closed value in USD, exit
--    time), then back to the raw (groupArray) order, one entry per raw row, so the strings can be joined by position.
SELECT
    wallet, ids, conds, outcomes, makers, times,
    arraySort(x -> x.1, arrayConcat(
        arrayMap((m, b, e, c, pb, ps) ->
            (
                m.7,
                toUInt8(NOT b),
                e - m.8 AS opened,
                greatest(toInt64(0), m.9 - m.8) AS closed,
                m.3,
                if(closed > 0, toFloat64(c.1 - if(m.10, if(b, pb, ps), m.11)) / 1e12, 0.),
                if(closed > 0, c.2, toUInt32(0))
            ),
            merged, m_buy, m_end, at_close,
            arrayFill((x, b) -> b, prev_close, prev_is_buy),
            arrayFill((x, b) -> NOT b, prev_close, prev_is_buy)),
        arrayMap(i -> (i, toUInt8(0), toInt64(0), toInt64(0), 0., 0., toUInt32(0)), dropped))) AS aligned
FROM
(
-- 7. V at the end of the previous fill of the same side: V(lo) of a lot that starts where that one ended.
SELECT
    *,
    arrayPopBack(arrayPushFront(at_close.1, toInt128(0))) AS prev_close,
    arrayPopBack(arrayPushFront(m_buy, false)) AS prev_is_buy
FROM
(
-- 6. (V(closing end), time of the fill that closed the lot last). The other side's fill ending at or after the
--    closing end contains it; when that fill starts exactly there, the lot was closed last by the fill before it.
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped, merged, m_buy, m_end,
    arrayMap((b, m, bn, sn) ->
        if(m.12,
           (m.13, m.14),
           if(b,
              (sn.2 - toInt128(round((sn.1 - m.9) * sn.3 * 1e6)), if(sn.1 - sn.6 >= m.9, sn.5, sn.4)),
              (bn.2 - toInt128(round((bn.1 - m.9) * bn.3 * 1e6)), if(bn.1 - bn.6 >= m.9, bn.5, bn.4)))),
        m_buy, merged,
        arrayReverseFill((x, b) -> b, closer, m_buy),
        arrayReverseFill((x, b) -> NOT b, closer, m_buy)) AS at_close
FROM
(
-- 5. Every fill at the point where it ends on its position's token axis: key = global end * 2 + is_buy (sells
--    first on ties). merge_input fields: 1 key, 2 own value after this fill, 3 price, 4 time, 5 time of the previous
--    fill of the same side, 6 micro-tokens, 7 raw index, 8 lo, 9 closing end (min(hi, opp_total)), 10 lot starts
--    where the previous same-side lot ended, 11 other side's value before this fill, 12 closing end is the other
--    side's total, 13 other side's total value, 14 time of the other side's last fill.
--    closer = what a fill tells the other side's lots: (end, value after it, price, time, previous time, tokens).
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped, merged, m_buy, m_end,
    arrayZip(m_end, merged.2, merged.3, merged.4, merged.5, merged.6) AS closer
FROM
(
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped,
    arraySort(x -> x.1, merge_input) AS merged,
    arrayMap(k -> bitAnd(k, 1) = 1, merged.1) AS m_buy,
    arrayMap(k -> toInt64(bitShiftRight(k, 1)), merged.1) AS m_end
FROM
(
-- 4. Per fill: where it lies on its position's axis, what it opens and up to where that can be closed.
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped,
    arrayMap((b, x, cb, cq, cvb, cv, f, l, tt, pbt, pst, p, i) ->
        (
            -- micro-tokens bought and sold in the wallet's earlier positions
            f.1 - if(f.4, f.3, 0) AS base_buy,
            f.2 - f.3 - base_buy AS base_sell,
            cb - base_buy - if(b, x, 0) AS bought_before,
            cq - cb - base_sell - if(b, 0, x) AS sold_before,
            if(b, bought_before, sold_before) AS own_before,
            if(b, sold_before, bought_before) AS opp_before,
            if(b, l.2 - l.1 - base_sell, l.1 - base_buy) AS opp_total,
            -- positions get disjoint ranges of one wallet-wide axis, so one sort key orders them all
            base_buy + base_sell AS offset,
            (toUInt64((offset + own_before + x) * 2 + b),
             if(b, cvb, cv - cvb),
             p,
             tt,
             if(b, pbt, pst),
             x,
             i,
             offset + greatest(own_before, opp_before),
             offset + least(own_before + x, opp_total),
             opp_before < own_before,
             if(b, cv - cvb, cvb),
             own_before + x >= opp_total,
             if(b, l.4 - l.3, l.3),
             if(b, if(l.5, l.8, l.6), if(l.5, l.6, l.7)))
        ).9,
        is_buy, q, cum_buy, cum_q, cum_val_buy, cum_val,
        -- running totals at the first and at the last fill of each fill's position
        arrayFill((x, f) -> f, arrayZip(cum_buy, cum_q, q, is_buy), first_in_pos),
        arrayReverseFill((x, l) -> l,
            arrayZip(cum_buy, cum_q, cum_val_buy, cum_val, is_buy, t, prev_buy_t, prev_sell_t),
            arrayPopFront(arrayPushBack(first_in_pos, true))),
        t, prev_buy_t, prev_sell_t, price, ix) AS merge_input
FROM
(
-- 3b. Running sums in time order (wallet-wide; each position's share is taken out with the totals at its first
--     fill), position boundaries, and the time of the latest buy / sell strictly before each fill.
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped, t, ix, is_buy, q, price,
    arrayCumSum(q) AS cum_q,
    arrayCumSum(arrayMap((b, x) -> if(b, x, 0), is_buy, q)) AS cum_buy,
    arrayCumSum(val) AS cum_val,
    arrayCumSum(arrayMap((b, v) -> if(b, v, toInt128(0)), is_buy, val)) AS cum_val_buy,
    arrayMap((p, prev) -> p != prev, ph, arrayPopBack(arrayPushFront(ph, bitNot(ph[1])))) AS first_in_pos,
    arrayFill((x, b) -> b, arrayPopBack(arrayPushFront(t, toUInt32(0))), arrayPopBack(arrayPushFront(is_buy, true))) AS prev_buy_t,
    arrayFill((x, b) -> NOT b, arrayPopBack(arrayPushFront(t, toUInt32(0))), arrayPopBack(arrayPushFront(is_buy, false))) AS prev_sell_t
FROM
(
-- 3a. The counted fills in time order: side, micro-tokens, own price, and their value in pico-USD.
SELECT
    wallet, ids, conds, outcomes, makers, times, dropped,
    counted.2 AS ph, counted.3 AS t, counted.6 AS ix,
    arrayMap(x -> x > 0, counted.4) AS is_buy,
    arrayMap(x -> toInt64(round(abs(x) * 1e6)), counted.4) AS q,
    arrayMap((x, u) -> abs(u) / abs(x), counted.4, counted.5) AS price,
    arrayMap((x, p) -> toInt128(round(x * p * 1e6)), q, price) AS val
FROM
(
-- 2c. The fills that count: newest version, CLOB, not a self-fill's maker leg, at least one micro-token, and a finite
--     usdc_delta below Fifo.Core.Lots.CountedFills.MaxAbsUsdcDelta (so the Int128 sums below cannot overflow).
SELECT
    wallet, ids, conds, outcomes, makers, times,
    arrayMap((r, s) -> NOT s AND r.7 AND isFinite(r.4) AND round(abs(r.4) * 1e6) >= 1 AND isFinite(r.5) AND abs(r.5) < {max_abs_usdc:Float64},
        rows, stale) AS counts,
    arrayFilter((r, c) -> c, rows, counts) AS counted,
    -- raw rows that open no lot because they do not count
    arrayFilter((r, c) -> NOT c, rows, counts).6 AS dropped
FROM
(
-- 2b. stale = an older version of a fill_id that has a newer row (ties as Fifo.Core.Lots.CountedFills breaks them:
--     version, block, time, tokens, usdc, then position, i.e. rank: rows tied on all the rest differ in position, and
--     rank order is the table's (condition_id, outcome_index) order). Repeats under the same key (an unmerged
--     ReplacingMergeTree) are neighbours in rank order and are settled pairwise; anything else (a newer version that
--     moved the fill, three or more rows) sorts the wallet's rows by hash and version, and every older version becomes
--     a tombstone that sorts right after the row it removes (rank * 2 + 1).
SELECT
    wallet, ids, conds, outcomes, makers, times, rows,
    multiIf(
        repeats = 0,
            arrayMap(r -> false, rows),
        pairs_only,
            arrayMap((r, n, p, sn, sp) -> (sn AND (n.9, n.10, n.3, n.4, n.5) >= (r.9, r.10, r.3, r.4, r.5))
                                         OR (sp AND (p.9, p.10, p.3, p.4, p.5) > (r.9, r.10, r.3, r.4, r.5)),
                rows, next_rows, arrayPopBack(arrayPushFront(rows, rows[1])), same_as_next, same_as_prev),
        arrayFilter((s, k) -> bitAnd(k, 1) = 0,
            arrayMap((k, next) -> next = k + 1,
                arraySort(arrayConcat(
                    arrayMap(r -> r.1 * 2, rows),
                    arrayMap(r -> r.1 * 2 + 1,
                        arrayFilter((r, next) -> r.8 = next,
                            arraySort(x -> (x.8, x.9, x.10, x.3, x.4, x.5, x.1), rows) AS by_version,
                            arrayPopFront(arrayPushBack(by_version.8, bitNot(by_version.8[-1]))))))) AS keys,
                arrayPopFront(arrayPushBack(keys, toUInt64(0)))),
            keys)) AS stale
FROM
(
SELECT
    *,
    repeats > 0
        AND arrayCount(same_as_next) = repeats
        AND NOT arrayExists((a, b) -> a AND b, same_as_next, same_as_prev) AS pairs_only
FROM
(
SELECT
    *,
    if(repeats = 0, [], arrayPopBack(arrayPushFront(same_as_next, false))) AS same_as_prev
FROM
(
-- 2a. rows = (rank, position hash, time, tokens, usdc, raw index, countable, fill_id hash, version, block), in rank
--     order: the aggregation usually receives them in that order already, otherwise they are sorted here.
--     repeats = rows sharing a fill_id hash with another (from the sorted hashes); 0 for most wallets, which then
--     skip the dedup work.
SELECT
    wallet, ids, conds, outcomes, makers, times, rows, repeats,
    if(repeats = 0, [], arrayPopFront(arrayPushBack(rows, rows[1]))) AS next_rows,
    if(repeats = 0, [], arrayMap((r, n, i) -> i < length(rows) AND r.8 = n.8, rows, next_rows, arrayEnumerate(rows))) AS same_as_next
FROM
(
SELECT
    wallet, ids, conds, outcomes, makers, times,
    if(arrayAll((a, b) -> a < b, arrayPopBack(ranks), arrayPopFront(ranks)),
       raw_rows, arraySort(x -> x.1, raw_rows)) AS rows,
    arrayCount((h, next) -> h = next, arrayPopBack(sorted_hashes), arrayPopFront(sorted_hashes)) AS repeats
FROM
(
SELECT
    wallet, ids, conds, outcomes, makers, times, ranks,
    arrayZip(ranks, position_hashes, secs, tokens, usdcs, arrayEnumerate(ranks), countable,
             fill_hashes, versions, blocks) AS raw_rows,
    arraySort(fill_hashes) AS sorted_hashes
FROM
(
-- 1. Each wallet's rows as arrays: strings and output-only columns, then what the computation works on.
SELECT
    wallet,
    groupArray(fill_id) AS ids,
    groupArray(condition_id) AS conds,
    groupArray(outcome_index) AS outcomes,
    groupArray(is_maker) AS makers,
    groupArray(event_time) AS times,
    groupArray(rank) AS ranks,
    groupArray(cityHash64(condition_id, outcome_index)) AS position_hashes,
    groupArray(cityHash64(fill_id)) AS fill_hashes,
    groupArray(toUInt32(event_time)) AS secs,
    groupArray(tokens_delta) AS tokens,
    groupArray(usdc_delta) AS usdcs,
    groupArray(source = 'clob' AND NOT (is_self_fill = 1 AND is_maker = 1)) AS countable,
    groupArray(_version) AS versions,
    groupArray(block_number) AS blocks
FROM
(
    /*<fill-rows>*/
    -- The fills in table order (one stream, see the top); a row's rank is its number in that stream.
    SELECT
        wallet, fill_id, condition_id, outcome_index, is_maker, event_time, tokens_delta, usdc_delta, source,
        is_self_fill, _version, block_number, rowNumberInAllBlocks() AS rank
    FROM {{Fills}} FINAL
    WHERE wallet >= {first:String} AND wallet <= {last:String}
      AND wallet != '0x0000000000000000000000000000000000000000'
      AND ({wallet_set:String} = ''
           OR wallet IN (SELECT wallet FROM {{RunWallets}}
                         WHERE run_id = {wallet_set:String} AND carry = 0
                           AND wallet >= {first:String} AND wallet <= {last:String}))
      /*repeated-fill-ids:
      -- Older versions of a fill_id whose newest version may sit in another position, so in another group.
      AND (fill_id, _version, block_number, event_time, tokens_delta, usdc_delta, condition_id, outcome_index) NOT IN
          (
              SELECT fill_id, v.1, v.2, v.3, v.4, v.5, v.6, v.7
              FROM
              (
                  SELECT fill_id,
                         groupArray((_version, block_number, event_time, tokens_delta, usdc_delta, condition_id, outcome_index)) AS versions
                  FROM {{Fills}} FINAL
                  WHERE wallet >= {first:String} AND wallet <= {last:String}
                  GROUP BY fill_id
                  HAVING length(versions) > 1
              )
              ARRAY JOIN versions AS v
              WHERE v < arrayReverseSort(versions)[1]
          )
      */
    /*</fill-rows>*/
)
GROUP BY wallet/*per-position: , condition_id, outcome_index*/
)))))))) WHERE notEmpty(counted)
))))))))
)
ARRAY JOIN
    lot_ids AS fill_id,
    lot_conds AS condition_id,
    lot_outcomes AS outcome_index,
    lot_makers AS is_maker,
    lot_times AS entry_time,
    lot_data AS lot
/*</lots>*/
) AS l
LEFT JOIN
(
    -- The current resolution of each condition: its newest row by insert_time that is not deleted (ties as
    -- Fifo.Core.Lots.ResolutionSelector breaks them). Empty numerators mean unresolved; numerators that do not parse
    -- or sum to 0 are left unresolved too, never paid out as 0 (the validation report lists them).
    SELECT
        condition_id,
        toUInt8(1) AS has_payout,
        current.2 AS resolved_at,
        arrayMap(x -> toFloat64(x), extractAll(current.1, {number_pattern:String})) AS numerators,
        arraySum(numerators) AS numerator_sum
    FROM
    (
        SELECT condition_id,
               argMax((payout_numerators, resolved_at), (insert_time, resolved_at, payout_numerators)) AS current
        FROM {{Resolutions}}
        WHERE is_deleted = 0
        GROUP BY condition_id
    )
    WHERE match(current.1, {payout_pattern:String}) AND numerator_sum > 0 AND isFinite(numerator_sum)
) AS p ON l.condition_id = p.condition_id
WHERE {include_open:Bool} OR resolved OR is_closed = 1
