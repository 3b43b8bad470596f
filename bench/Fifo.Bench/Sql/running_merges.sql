-- Background merges still running in the benchmark's database: freshly generated demo data is merged for a while,
-- and a measurement taken meanwhile would share the CPU with them.
SELECT count() FROM system.merges WHERE database = currentDatabase()
