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
-- Joined by a hash of the lot's key, as compute_lots.sql tells fills apart by a hash of their fill_id: joining on the
-- strings themselves took as long as computing the lots.
LEFT JOIN
(
    SELECT *, cityHash64(toString(wallet), toString(condition_id), outcome_index, tx_hash, is_short, entry_time) AS lot_key
    FROM carried_open_lots
) AS s
    ON cityHash64(c.wallet, c.condition_id, c.outcome_index, c.fill_id, c.lot.2, c.entry_time) = s.lot_key
