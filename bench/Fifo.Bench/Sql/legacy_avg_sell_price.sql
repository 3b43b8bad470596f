-- LEGACY — NOT THE PRODUCT. The method this project replaces, reconstructed from the seed plan so that the
-- benchmark can measure against it side by side (same data, same engine). It repeats the known mistakes the spec
-- lists: every buy is valued at the position's average sell price over all sells; sell timing is ignored (a sell
-- before a buy still "closes" it); no shorts; no token pairing; no dedup of repeated fill_ids. The seed ran it in
-- batches of 100 wallets, the wallets spelled out in an IN list ({wallets} here).
INSERT INTO fifo_bench_legacy_lots
    (wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price,
     cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at,
     is_closed, _version)
SELECT
    wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens, entry_price,
    cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at,
    is_closed, _version
FROM
(
    SELECT
        b.wallet AS wallet,
        b.condition_id AS condition_id,
        b.outcome_index AS outcome_index,
        b.fill_id AS tx_hash,
        toUInt8(0) AS is_short,
        b.is_maker AS is_maker,
        b.event_time AS entry_time,
        if(b.sold_early > 0, b.last_sell_time, NULL) AS exit_time,
        b.tokens AS tokens,
        b.price AS entry_price,
        tokens * entry_price AS cost_usd,
        b.sold_early AS tokens_sold_early,
        tokens - tokens_sold_early AS tokens_held,
        if(r.resolved = 1, r.numerators[outcome_index + 1] / arraySum(r.numerators), 0) AS payout_rate,
        tokens_sold_early * b.avg_sell_price + tokens_held * payout_rate AS exit_value,
        exit_value - cost_usd AS pnl_usd,
        if(cost_usd = 0, 0, pnl_usd / cost_usd) AS roi,
        100 * tokens_sold_early / tokens AS pct_sold_early,
        if(r.resolved = 1, r.resolved_at, NULL) AS resolved_at,
        toUInt8(r.resolved = 0 AND tokens_held < 0.01) AS is_closed,
        {version:UInt64} AS _version,
        b.tokens_delta AS tokens_delta
    FROM
    (
        SELECT
            wallet, condition_id, outcome_index, fill_id, is_maker, event_time, tokens_delta,
            abs(tokens_delta) AS tokens,
            abs(usdc_delta) / tokens AS price,
            sumIf(abs(tokens_delta), tokens_delta < 0) OVER position AS sold_total,
            if(sold_total = 0, 0, sumIf(abs(usdc_delta), tokens_delta < 0) OVER position / sold_total) AS avg_sell_price,
            maxIf(event_time, tokens_delta < 0) OVER position AS last_sell_time,
            -- the position's sells are spread over its buys in buy order, whenever they happened
            sumIf(abs(tokens_delta), tokens_delta > 0) OVER (position ORDER BY event_time, fill_id ROWS UNBOUNDED PRECEDING)
                - tokens AS bought_before,
            least(tokens, greatest(0, sold_total - bought_before)) AS sold_early
        FROM {{Fills}}
        WHERE wallet IN {wallets:Array(String)}
          AND source = 'clob'
          AND NOT (is_self_fill = 1 AND is_maker = 1)
          AND abs(tokens_delta) >= 0.000001
        WINDOW position AS (PARTITION BY wallet, condition_id, outcome_index)
    ) AS b
    LEFT JOIN
    (
        SELECT
            condition_id,
            toUInt8(1) AS resolved,
            argMax(resolved_at, insert_time) AS resolved_at,
            -- '[1,0]' and '["1","0"]' alike: strip quotes, brackets and spaces, split on commas
            arrayMap(x -> toFloat64OrZero(x),
                splitByChar(',', replaceRegexpAll(argMax(payout_numerators, insert_time), '[\\[\\]" ]', ''))) AS numerators
        FROM {{Resolutions}}
        WHERE is_deleted = 0 AND payout_numerators != ''
        GROUP BY condition_id
    ) AS r ON b.condition_id = r.condition_id
)
WHERE tokens_delta > 0 AND (resolved_at IS NOT NULL OR is_closed = 1)
