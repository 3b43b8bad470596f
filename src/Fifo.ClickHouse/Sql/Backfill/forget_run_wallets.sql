-- Drops the staged wallet set, the copied new fills and open lots of a run that can no longer be resumed or retried (completed
-- or cancelled), so that the tables do not grow with every incremental run.
DELETE FROM {{RunWallets}} WHERE run_id = {runId:String};

DELETE FROM {{RunFills}} WHERE run_id = {runId:String};

DELETE FROM {{RunOpenLots}} WHERE run_id = {runId:String};
