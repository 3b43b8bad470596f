-- Wallets with counted fills (the spec's counting rules, as wallet discovery applies them) against wallets with a
-- committed computation in the wallet summary, in one pass over the fills.
SELECT
    count() AS discovered,
    countIf(NOT is_computed) AS missing,
    (SELECT uniqExact(wallet) FROM {{WalletSummary}}) AS computed,
    toUInt64(computed - countIf(is_computed)) AS without_fills
FROM
(
    SELECT toString(wallet) IN (SELECT wallet FROM {{WalletSummary}}) AS is_computed
    FROM {{Fills}}
    WHERE source = 'clob'
      AND wallet != '0x0000000000000000000000000000000000000000'
      AND NOT (is_self_fill = 1 AND is_maker = 1)
      AND round(abs(tokens_delta) * 1000000) >= 1
    GROUP BY wallet
)
