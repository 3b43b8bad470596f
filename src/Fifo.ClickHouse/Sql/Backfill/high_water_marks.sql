-- How far the source tables reached when a run was planned; the next incremental run over the same wallet range
-- starts from them (see stage_changed_wallets.sql). NULL: the table was empty, so everything found later is new.
-- The row count of the range lets that run notice fill rows that arrived below the marks (count_new_fills.sql);
-- the rows stamped with the newest resolution second let it notice rows that arrived later in that same second.
WITH (
        SELECT (insert_time, count())
        FROM {{Resolutions}}
        GROUP BY insert_time
        ORDER BY insert_time DESC
        LIMIT 1
    ) AS newest_resolutions
SELECT
    (SELECT maxOrNull(_version) FROM {{Fills}})                                                AS fills_version_mark,
    (SELECT maxOrNull(block_number) FROM {{Fills}})                                            AS fills_block_mark,
    (SELECT count() FROM {{Fills}} WHERE wallet >= {lower:String} AND wallet < {upper:String}) AS fills_rows_mark,
    tupleElement(newest_resolutions, 1)                                                        AS resolutions_mark,
    tupleElement(newest_resolutions, 2)                                                        AS resolutions_mark_rows
