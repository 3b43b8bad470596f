-- Demo data, step 1: one row per market with everything the fills and resolutions derive from it.
-- Every value is a seeded hash of (seed, purpose, market), so a seed always yields the same data.
-- Dataset window: 2023-01-01 .. 2025-09-30 UTC.
CREATE TABLE IF NOT EXISTS {{Fills}}_demo_markets
(
    m            UInt32,
    condition_id String,
    outcomes     UInt8,
    status       Enum8('resolved' = 1, 'fifty_fifty' = 2, 'unresolved' = 3),
    winner       UInt8,
    quoted       UInt8 COMMENT 'numerators written as ["1","0"] instead of [1,0]',
    re_resolved  UInt8 COMMENT 'an earlier resolution row names another winner',
    deleted_row  UInt8 COMMENT 'a newer, deleted resolution row names another winner',
    pending_row  UInt8 COMMENT 'unresolved, with a resolution row whose numerators are empty',
    start_time   UInt32,
    end_time     UInt32 COMMENT 'resolution time, or the end of the dataset when unresolved',
    base_price   Float64 COMMENT 'typical price of outcome 0'
)
ENGINE = MergeTree
ORDER BY m;

TRUNCATE TABLE {{Fills}}_demo_markets;

INSERT INTO {{Fills}}_demo_markets
    (m, condition_id, outcomes, status, winner, quoted, re_resolved, deleted_row, pending_row, start_time, end_time, base_price)
SELECT
    toUInt32(number) AS m,
    lower(hex(SHA256(concat('market:', toString({seed:UInt64}), ':', toString(number))))) AS condition_id,
    toUInt8(if(cityHash64({seed:UInt64}, 'outcomes', number) % 10 = 0, 3 + cityHash64({seed:UInt64}, 'outcome_count', number) % 3, 2)) AS outcomes,
    multiIf(status_roll < 65, 'resolved', status_roll < 70 AND outcomes = 2, 'fifty_fifty', status_roll < 70, 'resolved', 'unresolved') AS status,
    toUInt8(cityHash64({seed:UInt64}, 'winner', number) % outcomes) AS winner,
    toUInt8(cityHash64({seed:UInt64}, 'quoted', number) % 2) AS quoted,
    toUInt8(status = 'resolved' AND cityHash64({seed:UInt64}, 're_resolved', number) % 100 < 6) AS re_resolved,
    toUInt8(status = 'resolved' AND cityHash64({seed:UInt64}, 'deleted_row', number) % 100 < 4) AS deleted_row,
    toUInt8(status = 'unresolved' AND cityHash64({seed:UInt64}, 'pending_row', number) % 100 < 10) AS pending_row,
    toUInt32(1672531200 + cityHash64({seed:UInt64}, 'start', number) % (1759190400 - 1672531200 - 30 * 86400)) AS start_time,
    toUInt32(if(status = 'unresolved', 1759190400,
        least(1759190400 - 3600, start_time + 86400 + cityHash64({seed:UInt64}, 'duration', number) % (180 * 86400)))) AS end_time,
    0.05 + (cityHash64({seed:UInt64}, 'price', number) % 9000) / 10000 AS base_price
FROM
(
    SELECT number, cityHash64({seed:UInt64}, 'status', number) % 100 AS status_roll
    FROM numbers({markets:UInt32})
);
