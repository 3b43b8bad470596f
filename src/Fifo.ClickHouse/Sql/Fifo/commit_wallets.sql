-- Commits one computation of the wallets in [first, last]: one {{WalletSummary}} row per wallet under {version},
-- written after that computation's lots (compute_lots.sql), preceded by carried_wallets.sql's expressions.
-- * Wallets computed whole: those with fill rows in the range plus those committed before (a wallet whose fills are
--   gone must lose its lots as well), or in an incremental run ({wallet_set}) the staged ones not carried. Wallets
--   without any lot get a row too, so a recomputed wallet whose lots all disappeared shows none. The numbers
--   summarise the lots this computation wrote; fills_until is the newest event_time among the wallet's fill rows now,
--   at least that of every row the computation read.
-- * Carried wallets: their newest row plus the lots this step wrote (they were open, or are new, or replace a closed
--   lot with dust left, whose old row is taken out); positions counts those not among its earlier lots. The row's
--   lots_versions are the earlier ones plus this one.
INSERT INTO {{WalletSummary}}
    (wallet, _version, run_id, computed_at, positions, lots, resolved_lots, closed_lots, wins, total_pnl, total_cost,
     volume_usd, first_trade, last_trade, lots_versions, fills_until, open_lots_kept)
/*<carried-wallets>*/
SELECT
    w.wallet,
    {version:UInt64},
    {run_id:String},
    now64(3),
    toUInt32(w.before.1 + ifNull(s.positions, 0)),
    toUInt32(w.before.2 + ifNull(s.lots, 0)),
    toUInt32(w.before.3 + ifNull(s.resolved_lots, 0)),
    toUInt32(w.before.4 + ifNull(s.closed_lots, 0)),
    toUInt32(w.before.5 + ifNull(s.wins, 0)),
    w.before.6 + ifNull(s.total_pnl, 0),
    w.before.7 + ifNull(s.total_cost, 0),
    w.before.8 + ifNull(s.volume_usd, 0),
    if(s.first_trade IS NULL OR w.before.9 <= s.first_trade, w.before.9, s.first_trade),
    if(s.last_trade IS NULL OR w.before.10 >= s.last_trade, w.before.10, s.last_trade),
    arrayPushBack(w.before.11, {version:UInt64}),
    w.fills_until,
    1
FROM
(
    SELECT
        wallet,
        CAST((0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, []),
             'Tuple(UInt32, UInt32, UInt32, UInt32, UInt32, Float64, Float64, Float64, Nullable(DateTime), Nullable(DateTime), Array(UInt64))') AS before,
        max(until) AS fills_until
    FROM
    (
        SELECT toString(wallet) AS wallet, max(event_time) AS until
        FROM {{Fills}}
        WHERE wallet >= {first:String} AND wallet <= {last:String}
        GROUP BY wallet
        UNION ALL
        SELECT wallet, toDateTime(0) AS until
        FROM {{WalletSummary}}
        WHERE wallet >= {first:String} AND wallet <= {last:String}
    )
    WHERE wallet != '0x0000000000000000000000000000000000000000'
      AND ({wallet_set:String} = ''
           OR wallet IN (SELECT wallet FROM {{RunWallets}}
                         WHERE run_id = {wallet_set:String} AND carry = 0
                           AND wallet >= {first:String} AND wallet <= {last:String}))
    GROUP BY wallet
    UNION ALL
    SELECT p.wallet, p.before, greatest(p.until, f.until) AS fills_until
    FROM
    (
        SELECT
            wallet,
            argMax((positions, lots, resolved_lots, closed_lots, wins, total_pnl, total_cost, volume_usd, first_trade,
                    last_trade, lots_versions), _version) AS before,
            argMax(fills_until, _version) AS until
        FROM {{WalletSummary}}
        WHERE wallet >= {first:String} AND wallet <= {last:String} AND wallet IN (SELECT wallet FROM carried_wallets)
        GROUP BY wallet
    ) AS p
    INNER JOIN (SELECT wallet, max(event_time) AS until FROM carried_fills GROUP BY wallet) AS f ON p.wallet = f.wallet
) AS w
LEFT JOIN
(
    -- This computation's lots, less the rows it replaced (replace_dusty_lots.sql: unresolved closed lots that its
    -- wallet's carried step stored again); positions counts those the wallet had no stored lot in before.
    SELECT
        wallet,
        uniqExactIf((condition_id, outcome_index), new_position) AS positions,
        sum(sign) AS lots,
        sumIf(sign, resolved) AS resolved_lots,
        sumIf(sign, closed) AS closed_lots,
        sumIf(sign, pnl_usd > 0) AS wins,
        sum(sign * pnl_usd) AS total_pnl,
        sum(sign * cost_usd) AS total_cost,
        sum(sign * tokens * entry_price) AS volume_usd,
        minIfOrNull(entry_time, sign = 1) AS first_trade,
        maxIfOrNull(last_time, sign = 1) AS last_trade
    FROM
    (
        SELECT
            wallet, condition_id, outcome_index, 1 AS sign, resolved_at IS NOT NULL AS resolved, is_closed = 1 AS closed,
            pnl_usd, cost_usd, tokens, entry_price, entry_time,
            greatest(entry_time, ifNull(exit_time, entry_time)) AS last_time,
            (wallet, condition_id, outcome_index) NOT IN
                (SELECT wallet, condition_id, outcome_index
                 FROM {{Lots}}
                 WHERE wallet >= {first:String} AND wallet <= {last:String}
                   AND (wallet, _version) IN (SELECT wallet, version FROM carried_versions)
                   AND condition_id IN (SELECT condition_id FROM carried_fills)) AS new_position
        FROM {{Lots}}
        WHERE wallet >= {first:String} AND wallet <= {last:String} AND _version = {version:UInt64}
        UNION ALL
        SELECT
            toString(wallet), toString(condition_id), outcome_index, -1, false, true, pnl_usd, cost_usd, tokens,
            entry_price, toDateTime(0), toDateTime(0), false
        FROM {{ReplacedLots}}
        WHERE wallet >= {first:String} AND wallet <= {last:String} AND _version = {version:UInt64}
    )
    GROUP BY wallet
) AS s ON w.wallet = s.wallet
SETTINGS join_use_nulls = 1
