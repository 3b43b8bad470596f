-- The common table expressions of a batch's statements about its carried wallets: LotStatements puts them in place of
-- each /*<carried-wallets>*/ (batch_fills.sql, copy_carried_open_lots.sql, mark_carried_positions.sql,
-- replace_dusty_lots.sql, commit_wallets.sql) and in front of compute_lots.sql with carry_fill_rows.sql and
-- carry_lot_rows.sql in its regions. Parameters: wallet_set (the run id), first, last, version (the attempt).
WITH
    -- The batch's wallets staged to be carried (stage_carried_wallets.sql) that this run has not committed yet: a
    -- batch redone after its commit (a crash before its success was recorded) must not add the new fills twice.
    carried_wallets AS
    (
        SELECT wallet
        FROM {{RunWallets}}
        WHERE run_id = {wallet_set:String} AND carry = 1 AND wallet >= {first:String} AND wallet <= {last:String}
          AND wallet NOT IN (SELECT wallet FROM {{WalletSummary}}
                             WHERE run_id = {wallet_set:String} AND wallet >= {first:String} AND wallet <= {last:String})
    ),
    -- Their new fill rows, as copied when the run was planned.
    carried_fills AS
    (
        SELECT wallet, fill_id, condition_id, outcome_index, is_maker, event_time, tokens_delta, usdc_delta, source,
               is_self_fill, _version, block_number
        FROM {{RunFills}}
        WHERE run_id = {wallet_set:String} AND wallet >= {first:String} AND wallet <= {last:String}
          AND wallet IN (SELECT wallet FROM carried_wallets)
    ),
    -- The lots versions each of them is made of so far (its newest summary row's).
    carried_versions AS
    (
        SELECT wallet, arrayJoin(argMax(lots_versions, _version)) AS version
        FROM {{WalletSummary}}
        WHERE wallet >= {first:String} AND wallet <= {last:String} AND wallet IN (SELECT wallet FROM carried_wallets)
        GROUP BY wallet
    ),
    -- The lots those rows' positions held open, as copy_carried_open_lots.sql copied them for this attempt.
    carried_open_lots AS
    (
        SELECT wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens,
               entry_price, tokens_sold_early, closed_value, is_closed, cost_usd, pnl_usd, lots_version
        FROM {{RunOpenLots}}
        WHERE run_id = {wallet_set:String} AND _version = {version:UInt64}
          AND wallet >= {first:String} AND wallet <= {last:String}
    )
