-- Demo data, step 3: trading episodes. An episode is one wallet trading one outcome of one market for n consecutive
-- fills. The first {wallets} episodes go to wallets 0..N-1 and the first {markets} to markets 0..M-1, so every wallet
-- and market appears; the rest draw a wallet (up to three whales take 12% each, at most 2M fills each, the
-- whale size the benchmark targets assume, the others a Zipf-like log-uniform rank) and a market (log-uniform too). Kinds:
--   long 70%   : buys first, then sells part (or all, or none) of what was bought: partial exits
--   short 15%  : split-and-sell: sells with no prior buy, then buys covering part of it
--   random 15% : sides and sizes at random
-- first_fill numbers the fills across episodes so that exactly {fills} fills are generated.
CREATE TABLE IF NOT EXISTS {{Fills}}_demo_episodes
(
    p              UInt64,
    wallet         String,
    condition_id   String,
    outcome_index  UInt8,
    n              UInt32,
    first_fill     UInt64,
    kind           Enum8('long' = 1, 'short' = 2, 'random' = 3),
    total_tokens   Float64 COMMENT 'tokens bought (long) or sold (short) over the episode',
    buys           UInt32 COMMENT 'long: the first `buys` fills buy',
    exit_share     Float64 COMMENT 'long: share of the bought tokens sold later',
    sells          UInt32 COMMENT 'short: the first `sells` fills sell',
    cover_share    Float64 COMMENT 'short: share of the sold tokens bought back later',
    typical_price  Float64,
    episode_start  UInt32,
    gap            UInt32 COMMENT 'seconds between consecutive fills',
    market_end     UInt32
)
ENGINE = MergeTree
ORDER BY p;

TRUNCATE TABLE {{Fills}}_demo_episodes;

INSERT INTO {{Fills}}_demo_episodes
    (p, wallet, condition_id, outcome_index, n, first_fill, kind, total_tokens, buys, exit_share, sells, cover_share,
     typical_price, episode_start, gap, market_end)
WITH greatest(1, least(3, intDiv({wallets:UInt32}, 50))) AS whales,
     least(0.12, 2000000 / {fills:UInt64}) AS whale_share
SELECT
    e.p AS p,
    concat('0x', substring(lower(hex(concat(
        reinterpretAsFixedString(cityHash64({seed:UInt64}, 'wallet_address', e.wallet_rank, 1)),
        reinterpretAsFixedString(cityHash64({seed:UInt64}, 'wallet_address', e.wallet_rank, 2)),
        reinterpretAsFixedString(cityHash64({seed:UInt64}, 'wallet_address', e.wallet_rank, 3))))), 1, 40)) AS wallet,
    mk.condition_id AS condition_id,
    toUInt8(cityHash64({seed:UInt64}, 'outcome', e.p) % mk.outcomes) AS outcome_index,
    e.n AS n,
    e.first_fill AS first_fill,
    multiIf(e.kind_roll < 70, 'long', e.kind_roll < 85, 'short', 'random') AS kind,
    round(pow(10, 0.3 + 3.3 * (cityHash64({seed:UInt64}, 'size', e.p) % 10000) / 10000), 2) AS total_tokens,
    toUInt32(1 + cityHash64({seed:UInt64}, 'buys', e.p) % greatest(1, intDiv(e.n, 2))) AS buys,
    multiIf(e.exit_roll < 15, 0., e.exit_roll < 50, 1., (cityHash64({seed:UInt64}, 'exit_share', e.p) % 1000) / 1000) AS exit_share,
    toUInt32(greatest(1, intDiv(e.n + 1, 2))) AS sells,
    (cityHash64({seed:UInt64}, 'cover_share', e.p) % 1000) / 1000 AS cover_share,
    if(outcome_index = 0, mk.base_price, (1 - mk.base_price) / (mk.outcomes - 1)) AS typical_price,
    toUInt32(mk.start_time + cityHash64({seed:UInt64}, 'episode_start', e.p) % greatest(1, intDiv((mk.end_time - mk.start_time) * 9, 10))) AS episode_start,
    toUInt32(60 + cityHash64({seed:UInt64}, 'gap', e.p) % 7200) AS gap,
    mk.end_time AS market_end
FROM
(
    SELECT
        number AS p,
        cityHash64({seed:UInt64}, 'wallet', number) / 18446744073709551616. AS wallet_roll,
        cityHash64({seed:UInt64}, 'market', number) / 18446744073709551616. AS market_roll,
        toUInt32(if(number < {wallets:UInt32}, number,
            if(wallet_roll < whales * whale_share, floor(wallet_roll / whale_share),
               whales + least({wallets:UInt32} - whales - 1,
                   toInt64(floor(pow(greatest(1, {wallets:UInt32} - whales), (wallet_roll - whales * whale_share) / (1 - whales * whale_share)))) - 1)))) AS wallet_rank,
        toUInt32(if(number < {markets:UInt32}, number,
            least({markets:UInt32} - 1, toInt64(floor(pow({markets:UInt32}, market_roll))) - 1))) AS m,
        toUInt32(1 + least(199, toUInt32(floor(-log((cityHash64({seed:UInt64}, 'length', number) % 1000000 + 1) / 1000001.) * 7)))) AS n,
        sum(n) OVER (ORDER BY number ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n AS first_fill,
        cityHash64({seed:UInt64}, 'kind', number) % 100 AS kind_roll,
        cityHash64({seed:UInt64}, 'exit', number) % 100 AS exit_roll
    FROM numbers({episodes:UInt64})
) AS e
INNER JOIN {{Fills}}_demo_markets AS mk ON mk.m = e.m
WHERE e.first_fill < {fills:UInt64};
