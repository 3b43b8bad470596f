-- The staged wallets of an incremental run inside one batch span [first, last], for splitting that batch.
SELECT wallet, fills
FROM {{RunWallets}}
WHERE run_id = {runId:String} AND wallet >= {first:String} AND wallet <= {last:String}
ORDER BY wallet
