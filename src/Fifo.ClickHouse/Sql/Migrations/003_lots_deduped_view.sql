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
    -- The order id the opening fill_id carries, as Fifo.Core.Lots.OrderIdParser.Pattern
    -- (^clob_[^_]+_([^_]+?)(?:-[a-z]+)?$) extracts it, spelled with string functions (cheaper than the regular
    -- expression); a writer that stored one keeps it.
    if(order_id != '', order_id,
       if(startsWith(tx_hash, 'clob_') AND countSubstrings(tx_hash, '_') = 2 AND position(tx_hash, '_', 6) > 6
              AND NOT endsWith(tx_hash, '_'),
          -- the part after the second '_', without a trailing '-' + lower-case letters (the leg: -m, -t)
          if(length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) >= 2
                 AND match(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1), '^[a-z]+$'),
             substring(substringIndex(tx_hash, '_', -1), 1,
                       length(substringIndex(tx_hash, '_', -1)) - length(substringIndex(substringIndex(tx_hash, '_', -1), '-', -1)) - 1),
             substringIndex(tx_hash, '_', -1)),
          '')) AS order_id,
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
