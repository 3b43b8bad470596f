-- How far the source tables reached when a run was planned; the next incremental run starts from it (see
-- stage_changed_wallets.sql).
--   * fills_part_marks: per partition, the highest block number among the fills table's active parts, as JSON.
--     Every INSERT into a MergeTree table gets higher block numbers than anything before it in its partition, so a
--     row inserted later — a new fill or a new version of an old one, whatever its _version, block_number or
--     event_time — lies in a part whose highest block number is above these marks. Empty when the fills table is
--     not a MergeTree table of this database (a view, a Distributed table): then no mark can see new rows.
--   * resolutions_mark / resolutions_mark_rows: the newest resolution second and how many rows it held
--     (insert_time has whole seconds, so rows can still arrive in that same second).
WITH
    (
        SELECT (insert_time, count())
        FROM {{Resolutions}}
        GROUP BY insert_time
        ORDER BY insert_time DESC
        LIMIT 1
    ) AS newest_resolutions
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
        )))                             AS fills_part_marks,
    tupleElement(newest_resolutions, 1) AS resolutions_mark,
    tupleElement(newest_resolutions, 2) AS resolutions_mark_rows
