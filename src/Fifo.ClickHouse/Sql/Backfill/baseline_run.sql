-- The newest completed run over exactly the given wallet range, however far back it started: the baseline of the next
-- incremental run over that range (runs over other ranges, e.g. on other machines, may have run many times since).
SELECT run_id
FROM
(
    SELECT run_id, state, wallet_range, started_at
    FROM {{Runs}}
    ORDER BY run_id, revision DESC
    LIMIT 1 BY run_id
)
WHERE state = 'Completed' AND wallet_range = {walletRange:String}
ORDER BY started_at DESC, run_id DESC
LIMIT 1
