-- Everything a backfill writes, dropped before each measurement so every run starts from the same empty state and
-- the current schema (the migrations run again afterwards); the source tables and their demo data stay. SYNC: without
-- it the data of a dropped table stays on disk for 8 minutes, longer than the benchmark's engine lives, and every run
-- would leave its lots behind (tens of GB after a few runs at 10M).
DROP VIEW IF EXISTS {{LotsDeduped}} SYNC;
DROP VIEW IF EXISTS {{LotsInput}}_stored SYNC;
DROP VIEW IF EXISTS {{LotsInput}}_open SYNC;
DROP TABLE IF EXISTS {{LotsInput}} SYNC;
DROP TABLE IF EXISTS {{OpenLots}} SYNC;
DROP TABLE IF EXISTS {{ReplacedLots}} SYNC;
DROP TABLE IF EXISTS {{Lots}} SYNC;
DROP TABLE IF EXISTS {{WalletSummary}} SYNC;
DROP TABLE IF EXISTS {{Runs}} SYNC;
DROP TABLE IF EXISTS {{Batches}} SYNC;
DROP TABLE IF EXISTS {{RunWallets}} SYNC;
DROP TABLE IF EXISTS {{RunFills}} SYNC;
DROP TABLE IF EXISTS {{RunOpenLots}} SYNC;
DROP TABLE IF EXISTS {{Migrations}} SYNC;
DROP TABLE IF EXISTS fifo_bench_legacy_lots SYNC;
