-- Where the legacy method (legacy_avg_sell_price.sql) writes: the lots table's layout, emptied before each measurement.
CREATE TABLE IF NOT EXISTS fifo_bench_legacy_lots AS {{Lots}};

TRUNCATE TABLE fifo_bench_legacy_lots;
