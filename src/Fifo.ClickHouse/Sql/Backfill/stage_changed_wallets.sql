-- Stages the wallets an incremental run recomputes whole, after stage_carried_wallets.sql: the wallets of the key
-- range [lower, upper) that are not carried forward and
--   * have new fill rows (copied by copy_new_fills.sql): a new fill, or a new version of an old fill, counted or not,
--     since a new version may stop an old fill counting; or
--   * hold a position (counted fills) in a market whose resolution changed since the baseline: resolved,
--     re-resolved or deleted, i.e. a resolution row in a part above the baseline's marks (as in copy_new_fills.sql);
-- each with its counted fills for the batch planner (counted as in discover_wallets.sql; a changed wallet left
-- without counted fills is staged with 0, so that its old lots disappear). The zero address is never committed.
INSERT INTO {{RunWallets}} (run_id, wallet, fills, carry)
SELECT {runId:String},
       wallet,
       countIf(source = 'clob'
               AND NOT (is_self_fill = 1 AND is_maker = 1)
               AND round(abs(tokens_delta) * 1000000) >= 1),
       0
FROM {{Fills}}
WHERE wallet >= {lower:String} AND wallet < {upper:String}
  AND wallet != '0x0000000000000000000000000000000000000000'
  AND wallet IN (
      SELECT wallet
      FROM {{RunFills}}
      WHERE run_id = {runId:String}
      UNION DISTINCT
      SELECT wallet
      FROM {{Fills}}
      WHERE wallet >= {lower:String} AND wallet < {upper:String}
        AND source = 'clob'
        AND NOT (is_self_fill = 1 AND is_maker = 1)
        AND round(abs(tokens_delta) * 1000000) >= 1
        AND condition_id IN
            (SELECT condition_id
             FROM {{Resolutions}}
             WHERE toUInt64(splitByChar('_', _part)[3]) > JSONExtract({resolutionMarks:String}, 'Map(String, UInt64)')[_partition_id])
  )
  AND wallet NOT IN (SELECT wallet FROM {{RunWallets}} WHERE run_id = {runId:String} AND carry = 1)
GROUP BY wallet
