-- Prices outside [0, 1] are counted as they are (the spec) and reported here: counted fill rows whose
-- |usdc_delta| / |tokens_delta| is above 1 (or not a number), and stored lots with such an entry price.
SELECT
    (
        SELECT count()
        FROM {{Fills}}
        WHERE source = 'clob'
          AND wallet != '0x0000000000000000000000000000000000000000'
          AND NOT (is_self_fill = 1 AND is_maker = 1)
          AND round(abs(tokens_delta) * 1000000) >= 1
          AND NOT (abs(usdc_delta) <= abs(tokens_delta))
    ) AS fills_outside,
    (
        SELECT count()
        FROM {{LotsDeduped}}
        WHERE NOT (entry_price >= 0 AND entry_price <= 1)
    ) AS lots_outside
