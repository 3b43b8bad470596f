-- How many rows append_new_fills.sql added.
SELECT count() FROM {{Fills}} WHERE endsWith(fill_id, '-bench-new')
