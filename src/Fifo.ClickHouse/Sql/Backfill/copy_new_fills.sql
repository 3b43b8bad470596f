-- Copies, for an incremental run, every fill row of the key range [lower, upper) inserted since the baseline run:
-- a new fill, or a new version of an old fill, counted or not. Such a row lies in a part whose highest block number
-- is above the baseline's mark of its partition (high_water_marks.sql; a part's name is
-- partition_minblock_maxblock_level[_mutation]), which prunes every other part before anything is read. Parts merged
-- since from new and old rows count as new as a whole: more rows are copied, none is missed. The staging
-- (stage_carried_wallets.sql, stage_changed_wallets.sql) and the carried wallets' batches read this copy, so they all
-- see the same rows whatever the fills table's parts do meanwhile. The zero address is never committed.
INSERT INTO {{RunFills}}
    (run_id, wallet, fill_id, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source, is_maker,
     is_self_fill, block_number, _version)
SELECT {runId:String}, toString(wallet), fill_id, condition_id, outcome_index, tokens_delta, usdc_delta, event_time,
       source, is_maker, is_self_fill, block_number, _version
FROM {{Fills}}
WHERE toUInt64(splitByChar('_', _part)[3]) > JSONExtract({fillMarks:String}, 'Map(String, UInt64)')[_partition_id]
  AND wallet >= {lower:String} AND wallet < {upper:String}
  AND wallet != '0x0000000000000000000000000000000000000000'
