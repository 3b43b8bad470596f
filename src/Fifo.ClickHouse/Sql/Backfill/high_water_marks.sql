-- How far the source tables reached when a run was planned. The next incremental run recomputes wallets with
-- fills above the fill marks and wallets trading markets whose resolution rows are at or after the resolution
-- mark (see stage_changed_wallets.sql).
-- NULL: the table was empty, so everything found later is new.
SELECT
    (SELECT maxOrNull(_version) FROM {{Fills}})          AS fills_version_mark,
    (SELECT maxOrNull(block_number) FROM {{Fills}})      AS fills_block_mark,
    (SELECT maxOrNull(insert_time) FROM {{Resolutions}}) AS resolutions_mark
