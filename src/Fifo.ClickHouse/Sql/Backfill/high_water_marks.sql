-- How far the source tables reached when a run was planned, for the fills of its wallet range [lower, upper); the
-- next incremental run over the same range starts from them (see stage_changed_wallets.sql). NULL: no rows yet,
-- so everything found later is new. The same pass counts the rows above the baseline run's marks (the sentinel
-- maximum when there is none): when the range grew by more rows than that since the baseline, rows arrived below
-- the marks (history imported after the fact) and the incremental run falls back to all wallets of the range.
-- The rows stamped with the newest resolution second let the next run notice rows that arrive later in that
-- same second (insert_time has whole seconds).
WITH (
        SELECT (insert_time, count())
        FROM {{Resolutions}}
        GROUP BY insert_time
        ORDER BY insert_time DESC
        LIMIT 1
    ) AS newest_resolutions
SELECT
    maxOrNull(_version)                                                                       AS fills_version_mark,
    maxOrNull(block_number)                                                                   AS fills_block_mark,
    count()                                                                                   AS fills_rows_mark,
    countIf(_version > {baselineVersion:UInt64} OR block_number > {baselineBlock:UInt64}) AS rows_above_baseline,
    tupleElement(newest_resolutions, 1)                                                       AS resolutions_mark,
    tupleElement(newest_resolutions, 2)                                                       AS resolutions_mark_rows
FROM {{Fills}}
WHERE wallet >= {lower:String} AND wallet < {upper:String}
