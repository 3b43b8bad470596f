-- Resolution rows inserted since a baseline's mark: after its second, and in its second (to compare with the
-- rows that second held when the baseline was planned). See stage_changed_wallets.sql.
SELECT
    countIf(insert_time > {resolutionsMark:DateTime}) AS after_mark,
    countIf(insert_time = {resolutionsMark:DateTime}) AS at_mark
FROM {{Resolutions}}
