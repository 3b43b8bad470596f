-- Drops the staged wallet set of a run that can no longer be resumed or retried (completed or cancelled), so that
-- the table does not grow with every incremental run.
DELETE FROM {{RunWallets}} WHERE run_id = {runId:String}
