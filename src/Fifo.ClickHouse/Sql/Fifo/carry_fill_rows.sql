    -- Carried wallets (in place of the fills table, see carried_wallets.sql): each open lot as a fill of what it still
    -- holds, at its own entry, then the new fills, which are all later; FIFO meets the open lots first, in their own
    -- order, exactly as it met their remaining tokens when the last computation ended. (The ORDER BY is outside the
    -- UNION ALL, which it would otherwise only apply to the second SELECT of.)
    SELECT
        wallet, fill_id, condition_id, outcome_index, is_maker, event_time, tokens_delta, usdc_delta, source,
        is_self_fill, _version, block_number, rowNumberInAllBlocks() AS rank
    FROM
    (
        SELECT *
        FROM
        (
            SELECT
                toString(wallet) AS wallet, tx_hash AS fill_id, toString(condition_id) AS condition_id, outcome_index,
                is_maker, entry_time AS event_time,
                if(is_short = 1, -1, 1) * (tokens - tokens_sold_early) AS tokens_delta,
                if(is_short = 1, 1, -1) * (tokens - tokens_sold_early) * entry_price AS usdc_delta,
                'clob' AS source, toUInt8(0) AS is_self_fill, toUInt64(0) AS _version, toUInt64(0) AS block_number
            FROM carried_open_lots
            UNION ALL
            SELECT
                wallet, fill_id, condition_id, outcome_index, is_maker, event_time, tokens_delta, usdc_delta,
                toString(source) AS source, is_self_fill, _version, block_number
            FROM carried_fills
        )
        ORDER BY wallet, condition_id, outcome_index, event_time, fill_id
    )
