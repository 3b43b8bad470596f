-- The lots as the product shows them: exactly one row per (wallet, condition_id, outcome_index, tx_hash, is_short),
-- from each wallet's newest committed computation. A computation is committed once its {{WalletSummary}} row
-- exists (written after all its lots), so rows of an unfinished or killed batch never show, and recomputing a
-- wallet replaces all its rows at once: lots that no longer exist disappear with the old version.
CREATE VIEW IF NOT EXISTS {{LotsDeduped}} AS
SELECT
    wallet,
    condition_id,
    outcome_index,
    tx_hash,
    order_id,
    is_short,
    is_maker,
    entry_time,
    exit_time,
    tokens,
    entry_price,
    cost_usd,
    tokens_sold_early,
    tokens_held,
    exit_value,
    pnl_usd,
    roi,
    pct_sold_early,
    payout_rate,
    resolved_at,
    is_closed,
    _version
FROM {{Lots}}
WHERE (wallet, _version) IN (SELECT wallet, max(_version) FROM {{WalletSummary}} GROUP BY wallet);
