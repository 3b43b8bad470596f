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
            condition_id,
            outcome_index,
            sum(usdc_delta) AS cash,
            sum(sign(tokens_delta) * round(abs(tokens_delta) * 1000000)) / 1000000 AS net_tokens
        FROM
        (
            -- The newest version of each (wallet, fill_id), ties broken as Fifo.Core.Lots.CountedFills does.
            SELECT toString(wallet) AS wallet, fill_id, condition_id, outcome_index, tokens_delta, usdc_delta, source, is_maker, is_self_fill
            FROM {{Fills}}
            WHERE cityHash64(wallet) % modulus = 0
            ORDER BY wallet, fill_id, _version DESC, block_number DESC, event_time DESC, tokens_delta DESC, usdc_delta DESC,
                     condition_id DESC, outcome_index DESC
            LIMIT 1 BY wallet, fill_id
        )
        WHERE source = 'clob'
          AND wallet != '0x0000000000000000000000000000000000000000'
          AND NOT (is_self_fill = 1 AND is_maker = 1)
          AND isFinite(tokens_delta)
          AND round(abs(tokens_delta) * 1000000) >= 1
          AND isFinite(usdc_delta) AND abs(usdc_delta) < {max_abs_usdc:Float64}
        GROUP BY wallet, condition_id, outcome_index
    ) AS f
    ON f.wallet = l.wallet AND f.condition_id = l.condition_id AND f.outcome_index = l.outcome_index
    GROUP BY l.wallet
)
