-- Whether any resolution row was inserted at or after the baseline's mark (see stage_changed_wallets.sql).
SELECT count() > 0 FROM {{Resolutions}} WHERE insert_time >= {resolutionsMark:DateTime}
