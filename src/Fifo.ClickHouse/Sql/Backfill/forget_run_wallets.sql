-- Drops the staged wallet set and the copied new fills of a run that can no longer be resumed or retried (completed
-- or cancelled), so that the tables do not grow with every incremental run.
DELETE FROM {{RunWallets}} WHERE run_id = {runId:String};

DELETE FROM {{RunFills}} WHERE run_id = {runId:String};
