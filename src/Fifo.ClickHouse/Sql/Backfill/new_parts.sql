-- The active parts of a source table inserted since a baseline's marks (see high_water_marks.sql): those whose
-- highest block number is above the mark of their partition. Listed first and passed on as a constant set, so
-- that the queries reading them prune every other part before reading anything.
SELECT name
FROM system.parts
WHERE database = currentDatabase() AND table = {table:String} AND active
  AND max_block_number > JSONExtract({partMarks:String}, 'Map(String, UInt64)')[partition_id]
ORDER BY name
