-- For leaderboard candidates: the newest summary version of each given wallet that is newer than the oldest
-- candidate version. A candidate row older than its wallet's newest version is a superseded computation.
-- The _version condition comes first so that, in the usual case of nothing newer, the wallet column is barely read.
SELECT
    wallet,
    max(_version) AS newest_version
FROM {{WalletSummary}}
WHERE _version > {oldest_candidate_version:UInt64}
  AND wallet IN (SELECT arrayJoin({wallets:Array(String)}))
GROUP BY wallet
