-- Prices outside [0, 1] are counted as they are (the spec) and reported: counted fill rows whose
-- |usdc_delta| / |tokens_delta| is above 1 or not a number (stored lots are counted in lot_statistics.sql).
SELECT count() AS fills_outside
FROM {{Fills}}
WHERE source = 'clob'
  AND wallet != '0x0000000000000000000000000000000000000000'
  AND NOT (is_self_fill = 1 AND is_maker = 1)
  AND round(abs(tokens_delta) * 1000000) >= 1
  AND NOT (abs(usdc_delta) <= abs(tokens_delta))
