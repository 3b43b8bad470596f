-- 9c. Carried wallets: a lot that was open continues its stored row: its tokens, entry price, and what it had closed
--     before, plus what the new fills closed now (the lots above saw only the tokens it still held).
SELECT
    c.wallet AS wallet, c.fill_id AS fill_id, c.condition_id AS condition_id, c.outcome_index AS outcome_index,
    c.is_maker AS is_maker, c.entry_time AS entry_time,
    if(s.tokens > 0,
       (c.lot.1, c.lot.2, toInt64(round(s.tokens * 1e6)), toInt64(round(s.tokens_sold_early * 1e6)) + c.lot.4,
        s.entry_price, s.closed_value + c.lot.6, if(c.lot.4 > 0, c.lot.7, toUInt32(ifNull(s.exit_time, toDateTime(0))))),
       c.lot) AS lot
FROM
(
/*<lots>*/
) AS c
LEFT JOIN carried_open_lots AS s
    ON c.wallet = toString(s.wallet) AND c.condition_id = toString(s.condition_id) AND c.outcome_index = s.outcome_index
   AND c.fill_id = s.tx_hash AND c.lot.2 = s.is_short AND c.entry_time = s.entry_time
