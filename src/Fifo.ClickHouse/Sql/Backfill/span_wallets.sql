-- The wallets of one batch span [first, last] (both inclusive) in key order with their counted fills: what a batch
-- that ran out of memory is split by. Same wallets and counting as discover_wallets.sql.
SELECT wallet, sum(fills) AS fills
FROM
(
    SELECT toString(wallet) AS wallet,
           countIf(source = 'clob'
                   AND NOT (is_self_fill = 1 AND is_maker = 1)
                   AND round(abs(tokens_delta) * 1000000) >= 1) AS fills
    FROM {{Fills}}
    WHERE wallet >= {first:String} AND wallet <= {last:String}
    GROUP BY wallet
    UNION ALL
    SELECT DISTINCT wallet, toUInt64(0) AS fills
    FROM {{WalletSummary}}
    WHERE wallet >= {first:String} AND wallet <= {last:String}
)
WHERE wallet != '0x0000000000000000000000000000000000000000'
GROUP BY wallet
ORDER BY wallet
