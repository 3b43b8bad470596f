-- The staged wallet set of an incremental run in key order, for the batch planner.
SELECT wallet, fills
FROM {{RunWallets}}
WHERE run_id = {runId:String}
ORDER BY wallet
