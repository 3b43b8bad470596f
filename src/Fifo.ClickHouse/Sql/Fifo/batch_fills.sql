-- What a batch has to do, preceded by carried_wallets.sql's expressions:
-- * whole_wallets: for an incremental run ({wallet_set}), the staged wallets of [first, last] it computes whole
--   (a full run computes every wallet of the range);
-- * whole_rows: the fill rows those are computed from, every row of the wallets (duplicates and rows that do not count
--   included, as compute_lots.sql reads them);
-- * carried_wallets, carried_rows: the wallets it carries forward, and their new fill rows.
/*<carried-wallets>*/
SELECT
    (SELECT count()
     FROM {{RunWallets}}
     WHERE run_id = {wallet_set:String} AND carry = 0 AND wallet >= {first:String} AND wallet <= {last:String}) AS whole_wallets,
    (SELECT count()
     FROM {{Fills}}
     WHERE wallet >= {first:String} AND wallet <= {last:String}
       AND ({wallet_set:String} = ''
            OR wallet IN (SELECT wallet FROM {{RunWallets}}
                          WHERE run_id = {wallet_set:String} AND carry = 0
                            AND wallet >= {first:String} AND wallet <= {last:String}))) AS whole_rows,
    (SELECT count() FROM carried_wallets) AS carried_wallets,
    (SELECT count() FROM carried_fills) AS carried_rows
