-- The wallets of one batch span [first, last] (both inclusive) with their counted fills, in key order: what a
-- batch that ran out of memory is split by. Same counting as discover_wallets.sql.
SELECT wallet, count() AS fills
FROM {{Fills}}
WHERE wallet >= {first:String} AND wallet <= {last:String}
  AND source = 'clob'
  AND wallet != '0x0000000000000000000000000000000000000000'
  AND NOT (is_self_fill = 1 AND is_maker = 1)
  AND round(abs(tokens_delta) * 1000000) >= 1
GROUP BY wallet
ORDER BY wallet
