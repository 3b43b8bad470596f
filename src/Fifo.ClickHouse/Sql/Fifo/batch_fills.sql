-- Fill rows a batch reads: every row of the wallets in [first, last] (duplicates and rows that do not count
-- included, as compute_lots.sql reads them), only the staged wallets for an incremental run ({wallet_set}).
SELECT count()
FROM {{Fills}}
WHERE wallet >= {first:String} AND wallet <= {last:String}
  AND ({wallet_set:String} = ''
       OR wallet IN (SELECT wallet FROM {{RunWallets}}
                     WHERE run_id = {wallet_set:String} AND wallet >= {first:String} AND wallet <= {last:String}))
