-- A carried step stores again every closed lot with dust left in the positions it touched (new fills may close
-- more of it); this records which stored row each replaces, so that the deduplicated view and the wallet's summary
-- (commit_wallets.sql) count the lot once, as this step left it.
INSERT INTO {{ReplacedLots}}
    (wallet, condition_id, outcome_index, tx_hash, is_short, replaced_version, tokens, entry_price, cost_usd, pnl_usd,
     _version)
/*<carried-wallets>*/
SELECT wallet, condition_id, outcome_index, tx_hash, is_short, lots_version, tokens, entry_price, cost_usd, pnl_usd,
       {version:UInt64}
FROM carried_open_lots
WHERE is_closed = 1
