-- Commits one computation of the wallets in [first, last]: one {{WalletSummary}} row per wallet under {version},
-- written after that computation's lots (compute_lots.sql). Wallets without any lot get a row too, so a recomputed
-- wallet whose lots all disappeared shows none. The wallets are those with fill rows in the range plus those
-- committed before (a wallet whose fills are gone must lose its lots as well); an incremental run ({wallet_set})
-- commits only its staged wallets. The numbers summarise the lots this computation wrote.
INSERT INTO {{WalletSummary}}
    (wallet, _version, run_id, computed_at, positions, lots, resolved_lots, closed_lots, wins, total_pnl, total_cost,
     volume_usd, first_trade, last_trade)
SELECT
    w.wallet,
    {version:UInt64},
    {run_id:String},
    now64(3),
    toUInt32(ifNull(s.positions, 0)),
    toUInt32(ifNull(s.lots, 0)),
    toUInt32(ifNull(s.resolved_lots, 0)),
    toUInt32(ifNull(s.closed_lots, 0)),
    toUInt32(ifNull(s.wins, 0)),
    ifNull(s.total_pnl, 0),
    ifNull(s.total_cost, 0),
    ifNull(s.volume_usd, 0),
    s.first_trade,
    s.last_trade
FROM
(
    SELECT DISTINCT wallet
    FROM
    (
        SELECT toString(wallet) AS wallet
        FROM {{Fills}}
        WHERE wallet >= {first:String} AND wallet <= {last:String}
        UNION ALL
        SELECT wallet
        FROM {{WalletSummary}}
        WHERE wallet >= {first:String} AND wallet <= {last:String}
    )
    WHERE wallet != '0x0000000000000000000000000000000000000000'
      AND ({wallet_set:String} = ''
           OR wallet IN (SELECT wallet FROM {{RunWallets}}
                         WHERE run_id = {wallet_set:String} AND wallet >= {first:String} AND wallet <= {last:String}))
) AS w
LEFT JOIN
(
    SELECT
        wallet,
        uniqExact(condition_id, outcome_index) AS positions,
        count() AS lots,
        countIf(resolved_at IS NOT NULL) AS resolved_lots,
        countIf(is_closed = 1) AS closed_lots,
        countIf(pnl_usd > 0) AS wins,
        sum(pnl_usd) AS total_pnl,
        sum(cost_usd) AS total_cost,
        sum(tokens * entry_price) AS volume_usd,
        min(entry_time) AS first_trade,
        max(greatest(entry_time, ifNull(exit_time, entry_time))) AS last_trade
    FROM {{Lots}}
    WHERE wallet >= {first:String} AND wallet <= {last:String} AND _version = {version:UInt64}
    GROUP BY wallet
) AS s ON w.wallet = s.wallet
SETTINGS join_use_nulls = 1
