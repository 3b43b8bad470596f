-- Stages the wallet set of an incremental run, on the server: the wallets of the key range [lower, upper) that
--   * have a fill row inserted since the baseline run, i.e. in one of the fills table's new parts (newFillParts,
--     see new_parts.sql): a new fill, or a new version of an old fill, counted or not, since a new version may stop
--     an old fill counting. Parts merged since from new and old rows count as new as a whole: more wallets are
--     recomputed, none is missed; or
--   * hold a position (counted fills) in a market whose resolution changed since the baseline: resolved,
--     re-resolved or deleted, i.e. a resolution row in one of the resolutions table's new parts;
-- each with its counted fills for the batch planner (counted as in discover_wallets.sql; a changed wallet left
-- without counted fills is staged with 0, so that its old lots disappear). The zero address is never committed.
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
        AND _part IN {newFillParts:Array(String)}
      UNION DISTINCT
      SELECT wallet
      FROM {{Fills}}
      WHERE wallet >= {lower:String} AND wallet < {upper:String}
        AND source = 'clob'
        AND NOT (is_self_fill = 1 AND is_maker = 1)
        AND round(abs(tokens_delta) * 1000000) >= 1
        AND condition_id IN (SELECT condition_id FROM {{Resolutions}} WHERE _part IN {newResolutionParts:Array(String)})
  )
GROUP BY wallet
