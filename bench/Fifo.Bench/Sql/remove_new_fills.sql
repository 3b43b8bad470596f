-- Takes an incremental scenario's rows (those ending in its fill_id suffix) out of the demo data again, so later
-- runs measure the same data.
DELETE FROM {{Fills}} WHERE endsWith(fill_id, {suffix:String}) SETTINGS lightweight_deletes_sync = 2
