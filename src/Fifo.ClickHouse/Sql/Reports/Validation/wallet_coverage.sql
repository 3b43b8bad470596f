-- Wallets with counted fills (the spec's counting rules, as wallet discovery applies them) against wallets with a
-- committed computation in the wallet summary, and computed wallets that have no counted fill at all.
WITH
    discovered AS
    (
        SELECT DISTINCT wallet
        FROM {{Fills}}
        WHERE source = 'clob'
          AND wallet != '0x0000000000000000000000000000000000000000'
          AND NOT (is_self_fill = 1 AND is_maker = 1)
          AND round(abs(tokens_delta) * 1000000) >= 1
    ),
    computed AS
    (
        SELECT DISTINCT wallet FROM {{WalletSummary}}
    )
SELECT
    (SELECT count() FROM discovered) AS discovered,
    (SELECT count() FROM computed) AS computed,
    (SELECT count() FROM discovered WHERE wallet NOT IN (SELECT wallet FROM computed)) AS missing,
    (SELECT count() FROM computed WHERE wallet NOT IN (SELECT toString(wallet) FROM discovered)) AS without_fills
