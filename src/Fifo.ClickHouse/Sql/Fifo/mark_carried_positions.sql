-- Marks every position a carried step touched (carried_wallets.sql) with an empty row under its version, so that the
-- step's open lots, none if the new fills closed them all, replace what the position held open before.
INSERT INTO {{OpenLots}} (wallet, condition_id, outcome_index, tx_hash, _version)
/*<carried-wallets>*/
SELECT DISTINCT wallet, condition_id, outcome_index, '', {version:UInt64}
FROM carried_fills
