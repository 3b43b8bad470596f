-- The highest lots version ever committed: new versions are issued above it, so a recomputation always wins
-- in the deduplicated view even if the clock of this machine is behind the one that wrote before.
SELECT max(_version) FROM {{WalletSummary}}
