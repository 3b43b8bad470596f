-- Leaderboard candidates: the best {limit} wallet-summary rows by the chosen metric among rows passing the filters.
-- The summary is a ReplacingMergeTree: until parts merge, a wallet can still have rows of superseded computations,
-- and some of those can be among the candidates. The caller drops them (leaderboard_newer_versions.sql) and asks
-- again with a larger limit when too few remain. Sorting on metric columns only (never on the wallet string) lets
-- ClickHouse read the wallet column for the returned rows alone, which is what keeps this fast on millions of rows.
-- metric: 0 pnl, 1 roi, 2 win rate, 3 positions, 4 volume; direction: 1 descending, -1 ascending.
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
ORDER BY {direction:Int8} * multiIf(
    {metric:UInt8} = 0, total_pnl,
    {metric:UInt8} = 1, if(total_cost > 0, total_pnl / total_cost, 0),
    {metric:UInt8} = 2, if(lots > 0, wins / lots, 0),
    {metric:UInt8} = 3, toFloat64(positions),
    volume_usd) DESC
LIMIT {limit:UInt32}
