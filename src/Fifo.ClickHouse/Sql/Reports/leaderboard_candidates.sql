-- Leaderboard candidates: the best {limit} wallet-summary rows by the chosen metric among rows passing the filters.
-- The summary is a ReplacingMergeTree: until parts merge, a wallet can still have rows of superseded computations,
-- and some of those can be among the candidates. The caller drops them (leaderboard_newer_versions.sql) and asks
-- again with a larger limit when too few remain. Ties on the metric are cut by wallet, ascending, as the caller ranks
-- them: a LIMIT on the metric alone would return an arbitrary subset of the rows that tie at the cut-off (common for
-- counts such as positions). Measured at 500k wallets, the wallet key costs ~2 ms; WITH TIES instead cost 3-5x the
-- query and can return most of the table when a minimum ties. __METRIC__ and __DIRECTION__ are replaced by
-- LeaderboardMetric with one of its fixed expressions and ASC/DESC, and __SETTINGS__ with the settings of that metric
-- (sorting by PnL forces the summary's by_total_pnl projection, 005_wallet_summary_pnl_projection.sql); nothing typed
-- by a user reaches this text.
SELECT
    wallet,
    _version,
    positions,
    lots,
    wins,
    total_pnl,
    total_cost,
    volume_usd
FROM {{WalletSummary}}
WHERE positions >= {min_positions:UInt32}
  AND total_cost >= {min_cost:Float64}
ORDER BY __METRIC__ __DIRECTION__, wallet ASC
LIMIT {limit:UInt32}
__SETTINGS__
