-- Prices outside [0, 1] are counted as they are (the spec) and reported: counting fill rows whose
-- |usdc_delta| / |tokens_delta| is above 1 (stored lots are counted in lot_statistics.sql). Rows that would count but
-- for an amount that is not finite, or a usdc_delta of max_abs_usdc or more (Fifo.Core.Lots.CountedFills), are reported
-- as unusable: the engines leave them out.
SELECT
    countIf(usable AND NOT (abs(usdc_delta) <= abs(tokens_delta))) AS fills_outside,
    countIf(NOT usable) AS fills_unusable
FROM
(
    SELECT tokens_delta, usdc_delta,
           isFinite(tokens_delta) AND isFinite(usdc_delta) AND abs(usdc_delta) < {max_abs_usdc:Float64} AS usable
    FROM {{Fills}}
    WHERE source = 'clob'
      AND wallet != '0x0000000000000000000000000000000000000000'
      AND NOT (is_self_fill = 1 AND is_maker = 1)
      -- NaN compares false with everything: without the first test, a NaN amount would vanish from the report.
      AND (isNaN(tokens_delta) OR round(abs(tokens_delta) * 1000000) >= 1)
)
