-- Wallets of a full run: every wallet of the key range [lower, upper) with its number of counted fills (the
-- spec's "Which fills count"), in key order, for the batch planner. A fill_id repeated in unmerged parts is
-- counted each time: the figure only balances batches and drives progress, and merging duplicates here would
-- cost a GROUP BY over every fill_id.
SELECT wallet, count() AS fills
FROM {{Fills}}
WHERE wallet >= {lower:String} AND wallet < {upper:String}
  AND source = 'clob'
  AND wallet != '0x0000000000000000000000000000000000000000'
  AND NOT (is_self_fill = 1 AND is_maker = 1)
  AND round(abs(tokens_delta) * 1000000) >= 1
GROUP BY wallet
ORDER BY wallet
