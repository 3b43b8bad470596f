-- Conservation on a sample of wallets, computed from the fills on the server: per resolved position, Σ pnl_usd of its
-- stored lots must equal Σ usdc_delta of its counted fills + net tokens · the payout rate stored on those lots, and so
-- per wallet. Counting follows docs/FIFO-RULES.md: each (wallet, fill_id) keeps its newest version, then the rules
-- apply. The sample is every wallet whose hash falls in one residue class, about {sample_wallets} wallets in all.
WITH (SELECT greatest(1, intDiv(uniq(wallet), {sample_wallets:UInt32})) FROM {{WalletSummary}}) AS modulus
SELECT
    count() AS wallets,
    sum(positions) AS positions,
    countIf(NOT (abs(lots_pnl - expected) <= {tolerance:Float64})) AS wallet_violations,
    sum(position_violations) AS position_violations,
    maxOrDefault(abs(lots_pnl - expected)) AS max_difference
FROM
(
    SELECT
        l.wallet AS wallet,
        count() AS positions,
        sum(l.pnl) AS lots_pnl,
        sum(f.cash + f.net_tokens * l.payout_rate) AS expected,
        countIf(NOT (abs(l.pnl - (f.cash + f.net_tokens * l.payout_rate)) <= {tolerance:Float64})) AS position_violations
    FROM
    (
        SELECT wallet, condition_id, outcome_index, sum(pnl_usd) AS pnl, any(payout_rate) AS payout_rate
        FROM {{LotsDeduped}}
        WHERE cityHash64(wallet) % modulus = 0 AND resolved_at IS NOT NULL
        GROUP BY wallet, condition_id, outcome_index
    ) AS l
    LEFT JOIN
    (
        SELECT
            wallet,
            newest.1 AS condition_id,
            newest.2 AS outcome_index,
            sum(newest.4) AS cash,
            sum(sign(newest.3) * round(abs(newest.3) * 1000000)) / 1000000 AS net_tokens
        FROM
        (
            SELECT
                toString(wallet) AS wallet,
                fill_id,
                argMax((condition_id, outcome_index, tokens_delta, usdc_delta, source, is_maker, is_self_fill),
                       (_version, block_number, event_time, tokens_delta, usdc_delta)) AS newest
            FROM {{Fills}}
            WHERE cityHash64(wallet) % modulus = 0
            GROUP BY wallet, fill_id
        )
        WHERE newest.5 = 'clob'
          AND wallet != '0x0000000000000000000000000000000000000000'
          AND NOT (newest.7 = 1 AND newest.6 = 1)
          AND isFinite(newest.3)
          AND round(abs(newest.3) * 1000000) >= 1
        GROUP BY wallet, condition_id, outcome_index
    ) AS f
    ON f.wallet = l.wallet AND f.condition_id = l.condition_id AND f.outcome_index = l.outcome_index
    GROUP BY l.wallet
)
