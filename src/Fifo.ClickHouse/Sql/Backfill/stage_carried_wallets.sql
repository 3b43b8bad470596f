-- Stages the wallets an incremental run carries forward (docs/incremental.md): wallets with new fill rows (copied by
-- copy_new_fills.sql) that continue their last computation exactly when their open lots meet the new fills first.
-- That holds when
--   * the last computation kept its open lots (open_lots_kept) and is not already a long chain of carried steps
--     (each step adds a version the deduplicated view reads);
--   * every new row is later than every fill row the wallet had then (fills_until): so FIFO order puts each new fill
--     after the old ones, and none of the new rows was read by that computation;
--   * no new row is in a market with a resolution row: resolving a position changes lots already stored;
--   * no new row repeats a fill_id the wallet had (compared by hash; a collision only costs a whole recomputation): a
--     new version of an old fill may move it, resize it or stop it counting, and an older version dated late must
--     change nothing;
--   * it holds nothing in a market whose resolution changed since the baseline (new rows in the resolutions table):
--     those wallets are recomputed whole (stage_changed_wallets.sql).
-- Each is staged with its number of new rows, for the batch planner.
INSERT INTO {{RunWallets}} (run_id, wallet, fills, carry)
SELECT {runId:String}, n.wallet, n.rows, 1
FROM
(
    SELECT wallet, count() AS rows, min(event_time) AS earliest
    FROM {{RunFills}}
    WHERE run_id = {runId:String}
    GROUP BY wallet
) AS n
INNER JOIN
(
    SELECT wallet, argMax((fills_until, open_lots_kept, length(lots_versions)), _version) AS last
    FROM {{WalletSummary}}
    WHERE wallet >= {lower:String} AND wallet < {upper:String}
    GROUP BY wallet
) AS s ON n.wallet = s.wallet
WHERE s.last.2 = 1
  AND s.last.3 < {maxCarriedSteps:UInt32}
  AND n.earliest > s.last.1
  AND n.wallet NOT IN
      (
          SELECT wallet
          FROM {{RunFills}}
          WHERE run_id = {runId:String} AND condition_id IN (SELECT condition_id FROM {{Resolutions}})
      )
  AND n.wallet NOT IN
      (
          SELECT f.wallet
          FROM
          (
              SELECT toString(wallet) AS wallet, cityHash64(fill_id) AS fill_hash, count() AS copies
              FROM {{Fills}}
              WHERE wallet >= {lower:String} AND wallet < {upper:String}
                AND wallet IN (SELECT wallet FROM {{RunFills}} WHERE run_id = {runId:String})
                AND cityHash64(fill_id) IN (SELECT cityHash64(fill_id) FROM {{RunFills}} WHERE run_id = {runId:String})
              GROUP BY wallet, fill_hash
          ) AS f
          INNER JOIN
          (
              SELECT wallet, cityHash64(fill_id) AS fill_hash, count() AS copies
              FROM {{RunFills}}
              WHERE run_id = {runId:String}
              GROUP BY wallet, fill_hash
          ) AS r ON f.wallet = r.wallet AND f.fill_hash = r.fill_hash
          WHERE f.copies > r.copies
      )
  AND n.wallet NOT IN
      (
          SELECT toString(wallet)
          FROM {{Fills}}
          WHERE wallet >= {lower:String} AND wallet < {upper:String}
            AND wallet IN (SELECT wallet FROM {{RunFills}} WHERE run_id = {runId:String})
            AND condition_id IN
                (SELECT condition_id
                 FROM {{Resolutions}}
                 WHERE toUInt64(splitByChar('_', _part)[3]) > JSONExtract({resolutionMarks:String}, 'Map(String, UInt64)')[_partition_id])
      )
