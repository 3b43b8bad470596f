-- Demo data, step 4: the fills of every episode, into {{FillsTarget}}: a staging copy of the fills table that
-- DemoDataGenerator attaches to it once every step has succeeded. Each fill is a clob leg (taker or maker) unless it is one of the
-- 3% non-clob rows (ctf_token, ctf_cash, negrisk). 0.5% of clob fills are self-fills and get both legs (the maker leg
-- flagged, on the other side of the trade); 0.5% of rows also get a stale duplicate (same fill_id, lower _version,
-- price 1% off). Rare rows exercise the spec's filters: the zero wallet, sub-micro-token sizes, prices above 1.
-- optimize_on_insert = 0 keeps the duplicates in the inserted parts, as an unmerged ReplacingMergeTree would;
-- smaller insert blocks keep the engine's memory near 1.3 GB for 10M fills (2 GB with the defaults) at similar speed.
INSERT INTO {{FillsTarget}}
    (fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source,
     is_maker, is_self_fill, block_number, _version)
SETTINGS optimize_on_insert = 0, min_insert_block_size_rows = 262144, min_insert_block_size_bytes = 67108864
SELECT fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source,
       is_maker, is_self_fill, block_number, _version
FROM
(
    SELECT
        if(source = 'clob',
            concat('clob_', tx_hash, '_', order_id, if(is_maker = 1, '-m', '-t')),
            concat(source, '_', tx_hash, '_', toString(k))) AS fill_id,
        tx_hash,
        concat('0x', lower(hex(concat(
            reinterpretAsFixedString(cityHash64({seed:UInt64}, 'order', p, k, leg = 1, 1)),
            reinterpretAsFixedString(cityHash64({seed:UInt64}, 'order', p, k, leg = 1, 2)))))) AS order_id,
        if(zero_wallet, '0x0000000000000000000000000000000000000000', wallet) AS wallet,
        condition_id,
        outcome_index,
        -- leg 1 is the maker leg of a self-fill: the same trade seen from the other side.
        if(leg = 1, NOT is_buy, is_buy) AS leg_buys,
        if(leg_buys, tokens, -tokens) AS tokens_delta,
        round(if(leg_buys, -1, 1) * tokens * price * if(leg = 2, 1.01, 1), 6) AS usdc_delta,
        toDateTime(fill_time, 'UTC') AS event_time,
        source,
        toUInt8(if(self_fill, leg = 1, maker_roll < 40)) AS is_maker,
        toUInt8(self_fill) AS is_self_fill,
        toUInt64(40000000 + intDiv(fill_time - 1672531200, 2)) AS block_number,
        toUInt64(fill_time) * 1000 + 10 - (leg = 2) AS _version
    FROM
    (
        SELECT
            p, k, wallet, condition_id, outcome_index,
            multiIf(
                kind = 'long', k < buys OR exit_share = 0,
                kind = 'short', k >= sells,
                cityHash64({seed:UInt64}, 'side', p, k) % 2 = 0) AS is_buy,
            multiIf(
                cityHash64({seed:UInt64}, 'dust', p, k) % 2000 = 0, 0.0000004,
                kind = 'long' AND exit_share = 0, round(total_tokens / n, 6),
                kind = 'long' AND is_buy, round(total_tokens / buys, 6),
                kind = 'long', floor(total_tokens * exit_share / (n - buys), 6),
                kind = 'short' AND is_buy, floor(total_tokens * cover_share / (n - sells), 6),
                kind = 'short', round(total_tokens / sells, 6),
                round(pow(10, 0.3 + 3 * (cityHash64({seed:UInt64}, 'random_size', p, k) % 10000) / 10000), 2)) AS tokens,
            if(cityHash64({seed:UInt64}, 'odd_price', p, k) % 10000 = 0,
                round(1 + (cityHash64({seed:UInt64}, 'odd_price_size', p, k) % 50) / 1000, 3),
                round(least(0.99, greatest(0.01, typical_price + ((cityHash64({seed:UInt64}, 'noise', p, k) % 2001) / 10000 - 0.1))), 3)) AS price,
            toUInt32(least(market_end - 1, episode_start + k * gap + cityHash64({seed:UInt64}, 'jitter', p, k) % 60)) AS fill_time,
            multiIf(source_roll < 970, 'clob', source_roll < 980, 'ctf_token', source_roll < 990, 'ctf_cash', 'negrisk') AS source,
            source = 'clob' AND cityHash64({seed:UInt64}, 'self_fill', p, k) % 1000 < 5 AS self_fill,
            source = 'clob' AND cityHash64({seed:UInt64}, 'zero_wallet', p, k) % 2000 = 0 AS zero_wallet,
            concat('0x', lower(hex(concat(
                reinterpretAsFixedString(cityHash64({seed:UInt64}, 'tx', p, k, 1)),
                reinterpretAsFixedString(cityHash64({seed:UInt64}, 'tx', p, k, 2)),
                reinterpretAsFixedString(cityHash64({seed:UInt64}, 'tx', p, k, 3)),
                reinterpretAsFixedString(cityHash64({seed:UInt64}, 'tx', p, k, 4)))))) AS tx_hash,
            cityHash64({seed:UInt64}, 'maker', p, k) % 100 AS maker_roll,
            cityHash64({seed:UInt64}, 'duplicate', p, k) % 1000 < 5 AS duplicated,
            cityHash64({seed:UInt64}, 'source', p, k) % 1000 AS source_roll
        FROM {{Fills}}_demo_episodes
        ARRAY JOIN range(n) AS k
        WHERE first_fill + k < {fills:UInt64}
    )
    -- legs: 0 the fill itself, 1 the maker leg of a self-fill, 2 a stale duplicate of leg 0.
    ARRAY JOIN arrayConcat([0], if(self_fill, [1], []), if(duplicated, [2], [])) AS leg
);
