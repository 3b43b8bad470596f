-- Wallets with counted fills (the spec's counting rules, as wallet discovery applies them) against wallets with a
-- committed computation in the wallet summary, in one pass over the fills. A computation is committed for every
-- wallet with any fill row, so a wallet with only non-CLOB rows has one without lots; that is expected. Only a
-- newest computation that has lots without a counted fill behind them is reported (without_fills).
WITH with_lots AS
(
    SELECT wallet FROM {{WalletSummary}} GROUP BY wallet HAVING argMax(lots, _version) > 0
)
SELECT
    count() AS discovered,
    countIf(NOT is_computed) AS missing,
    (SELECT uniqExact(wallet) FROM {{WalletSummary}}) AS computed,
    toUInt64((SELECT count() FROM with_lots) - countIf(has_lots)) AS without_fills
FROM
(
    SELECT toString(wallet) IN (SELECT wallet FROM {{WalletSummary}}) AS is_computed,
           toString(wallet) IN (SELECT wallet FROM with_lots) AS has_lots
    FROM {{Fills}}
    WHERE source = 'clob'
      AND wallet != '0x0000000000000000000000000000000000000000'
      AND NOT (is_self_fill = 1 AND is_maker = 1)
      AND round(abs(tokens_delta) * 1000000) >= 1
    GROUP BY wallet
)
