-- Wallets of a full run: every wallet of the key range [lower, upper) that the SQL engine commits when it computes
-- the range — wallets with fill rows, and wallets committed before (their fills may be gone: they must lose their
-- lots) — in key order, each with its number of counted fills (the spec's "Which fills count") for the batch
-- planner. Wallets without counted fills weigh 0 but are still planned, so that the batches commit exactly the
-- wallets one query over the whole range would. The zero address is never committed.
-- With {upper_inclusive} the range is [lower, upper]: the wallets of one batch span, which a batch that ran out of
-- memory is split by.
-- A fill_id repeated in unmerged parts is counted each time: the figure only balances batches and drives progress,
-- and merging duplicates here would cost a GROUP BY over every fill_id.
SELECT wallet, sum(fills) AS fills
FROM
(
    SELECT toString(wallet) AS wallet,
           countIf(source = 'clob'
                   AND NOT (is_self_fill = 1 AND is_maker = 1)
                   AND round(abs(tokens_delta) * 1000000) >= 1) AS fills
    FROM {{Fills}}
    WHERE wallet >= {lower:String}
      AND (wallet < {upper:String} OR ({upper_inclusive:Bool} AND wallet = {upper:String}))
    GROUP BY wallet
    UNION ALL
    SELECT DISTINCT wallet, toUInt64(0) AS fills
    FROM {{WalletSummary}}
    WHERE wallet >= {lower:String}
      AND (wallet < {upper:String} OR ({upper_inclusive:Bool} AND wallet = {upper:String}))
)
WHERE wallet != '0x0000000000000000000000000000000000000000'
GROUP BY wallet
ORDER BY wallet
