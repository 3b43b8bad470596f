-- How many rows an incremental scenario's append script added (they all end in the scenario's fill_id suffix).
SELECT count() FROM {{Fills}} WHERE endsWith(fill_id, {suffix:String})
