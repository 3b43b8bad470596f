-- Whether the resolutions table has parts inserted since a baseline's marks (see high_water_marks.sql).
SELECT count() > 0
FROM system.parts
WHERE database = currentDatabase() AND table = {resolutionsTable:String} AND active
  AND max_block_number > JSONExtract({resolutionsPartMarks:String}, 'Map(String, UInt64)')[partition_id]
