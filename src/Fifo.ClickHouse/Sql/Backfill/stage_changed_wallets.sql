-- Stages the wallet set of an incremental run, on the server: the wallets of the key range [lower, upper) that
--   * have a fill row above the baseline run's marks (_version or block_number): a new fill, or a new version of
--     an old fill — counted or not, since a new version may stop an old fill counting; or
--   * hold a position (counted fills) in a market whose resolution changed since the baseline: resolved,
--     re-resolved or deleted, i.e. a resolution row inserted after the mark, or in the mark's own second when that
--     second has gained rows (insert_time has whole seconds);
-- each with its counted fills for the batch planner (counted as in discover_wallets.sql; a changed wallet left
-- without counted fills is staged with 0, so that its old lots disappear). The zero address is never committed.
-- The resolution branch is switched off by withResolutions when no resolution row changed, so that the
-- condition_id column of the fills is not read for nothing.
INSERT INTO {{RunWallets}} (run_id, wallet, fills)
SELECT {runId:String},
       wallet,
       countIf(source = 'clob'
               AND NOT (is_self_fill = 1 AND is_maker = 1)
               AND round(abs(tokens_delta) * 1000000) >= 1)
FROM {{Fills}}
WHERE wallet >= {lower:String} AND wallet < {upper:String}
  AND wallet != '0x0000000000000000000000000000000000000000'
  AND wallet IN (
      SELECT wallet
      FROM {{Fills}}
      WHERE wallet >= {lower:String} AND wallet < {upper:String}
        AND (_version > {fillsVersionMark:UInt64} OR block_number > {fillsBlockMark:UInt64})
      UNION DISTINCT
      SELECT wallet
      FROM {{Fills}}
      WHERE {withResolutions:UInt8} = 1
        AND wallet >= {lower:String} AND wallet < {upper:String}
        AND source = 'clob'
        AND NOT (is_self_fill = 1 AND is_maker = 1)
        AND round(abs(tokens_delta) * 1000000) >= 1
        AND condition_id IN (
            SELECT condition_id
            FROM {{Resolutions}}
            WHERE insert_time > {resolutionsMark:DateTime}
               OR ({withMarkSecond:UInt8} = 1 AND insert_time = {resolutionsMark:DateTime}))
  )
GROUP BY wallet
