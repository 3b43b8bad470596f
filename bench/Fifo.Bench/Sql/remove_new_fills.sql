-- Takes append_new_fills.sql's rows out of the demo data again, so later runs measure the same data.
DELETE FROM {{Fills}} WHERE endsWith(fill_id, '-bench-new') SETTINGS lightweight_deletes_sync = 2
