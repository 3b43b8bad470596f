-- How far the source tables reached when a run was planned; the next incremental run starts from it (see
-- copy_new_fills.sql and stage_changed_wallets.sql). For the fills and the resolutions table: per partition, the highest block number
-- among the table's active parts, as JSON. Every INSERT into a MergeTree table gets higher block numbers than
-- anything before it in its partition, so a row inserted later — a new fill, a new version of an old one, a
-- re-resolution or a deletion row, whatever its _version, block_number or insert_time says — lies in a part whose
-- highest block number is above these marks. Empty when the table is not a MergeTree table of this database
-- (a view, a Distributed table): then no mark can tell its new rows.
SELECT
    anyIf(marks, name = {fillsTable:String}) AS fills_part_marks,
    anyIf(marks, name = {resolutionsTable:String}) AS resolutions_part_marks
FROM
(
    SELECT
        t.name AS name,
        if(t.engine LIKE '%MergeTree',
           toJSONString(CAST((arrayMap(p -> p.1, p.parts), arrayMap(p -> p.2, p.parts)), 'Map(String, UInt64)')),
           '') AS marks
    FROM system.tables AS t
    LEFT JOIN
    (
        SELECT table, groupArray((partition_id, max_block)) AS parts
        FROM
        (
            SELECT table, partition_id, max(max_block_number) AS max_block
            FROM system.parts
            WHERE database = currentDatabase() AND table IN ({fillsTable:String}, {resolutionsTable:String}) AND active
            GROUP BY table, partition_id
        )
        GROUP BY table
    ) AS p ON p.table = t.name
    WHERE t.database = currentDatabase() AND t.name IN ({fillsTable:String}, {resolutionsTable:String})
)
