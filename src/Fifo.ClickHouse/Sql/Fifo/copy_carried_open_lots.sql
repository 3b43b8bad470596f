-- Copies, for one attempt of a batch ({version}), the open lots its carried wallets continue (carried_wallets.sql):
-- the rows of each position with new fills, of the newest of its wallet's committed versions that wrote it (a
-- carried step writes every position it touched, an empty tx_hash marking one left with none). The statements after
-- it read this copy, instead of each finding them again. Positions are first picked by position_key, far cheaper than
-- comparing the two strings of every row; the strings then settle it.
INSERT INTO {{RunOpenLots}}
    (run_id, _version, wallet, condition_id, outcome_index, tx_hash, is_short, is_maker, entry_time, exit_time, tokens,
     entry_price, tokens_sold_early, closed_value, is_closed, cost_usd, pnl_usd, lots_version)
/*<carried-wallets>*/
SELECT {wallet_set:String}, {version:UInt64}, wallet, condition_id, outcome_index, tx_hash, is_short, is_maker,
       entry_time, exit_time, tokens, entry_price, tokens_sold_early, closed_value, is_closed, cost_usd, pnl_usd, _version
FROM {{OpenLots}}
WHERE wallet >= {first:String} AND wallet <= {last:String}
  AND tx_hash != ''
  AND position_key IN (SELECT cityHash64(wallet, condition_id, outcome_index) FROM carried_fills)
  AND (wallet, condition_id, outcome_index, _version) IN
      (SELECT wallet, condition_id, outcome_index, max(_version)
       FROM {{OpenLots}}
       WHERE wallet >= {first:String} AND wallet <= {last:String}
         AND (wallet, _version) IN (SELECT wallet, version FROM carried_versions)
         AND position_key IN (SELECT cityHash64(wallet, condition_id, outcome_index) FROM carried_fills)
       GROUP BY wallet, condition_id, outcome_index)
