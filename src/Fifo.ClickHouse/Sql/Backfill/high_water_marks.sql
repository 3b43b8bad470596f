-- How far the source tables reached when a run was planned; the next incremental run starts from it (see
-- stage_changed_wallets.sql). For the fills and the resolutions table: per partition, the highest block number
-- among the table's active parts, as JSON. Every INSERT into a MergeTree table gets higher block numbers than
-- anything before it in its partition, so a row inserted later — a new fill, a new version of an old one, a
-- re-resolution or a deletion row, whatever its _version, block_number or insert_time says — lies in a part whose
-- highest block number is above these marks. Empty when the table is not a MergeTree table of this database
-- (a view, a Distributed table): then no mark can tell its new rows.
SELECT
    if((SELECT count() FROM system.tables
        WHERE database = currentDatabase() AND name = {fillsTable:String} AND engine LIKE '%MergeTree') = 0,
       '',
       (SELECT toJSONString(CAST((groupArray(partition_id), groupArray(max_block)), 'Map(String, UInt64)'))
        FROM
        (
            SELECT partition_id, max(max_block_number) AS max_block
            FROM system.parts
            WHERE database = currentDatabase() AND table = {fillsTable:String} AND active
            GROUP BY partition_id
        ))) AS fills_part_marks,
    if((SELECT count() FROM system.tables
        WHERE database = currentDatabase() AND name = {resolutionsTable:String} AND engine LIKE '%MergeTree') = 0,
       '',
       (SELECT toJSONString(CAST((groupArray(partition_id), groupArray(max_block)), 'Map(String, UInt64)'))
        FROM
        (
            SELECT partition_id, max(max_block_number) AS max_block
            FROM system.parts
            WHERE database = currentDatabase() AND table = {resolutionsTable:String} AND active
            GROUP BY partition_id
        ))) AS resolutions_part_marks
