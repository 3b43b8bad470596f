-- Everything a backfill writes, dropped before each measurement so every run starts from the same empty state and
-- the current schema (the migrations run again afterwards); the source tables and their demo data stay.
DROP VIEW IF EXISTS {{LotsDeduped}};
DROP TABLE IF EXISTS {{Lots}};
DROP TABLE IF EXISTS {{WalletSummary}};
DROP TABLE IF EXISTS {{Runs}};
DROP TABLE IF EXISTS {{Batches}};
DROP TABLE IF EXISTS {{RunWallets}};
DROP TABLE IF EXISTS {{Migrations}};
DROP TABLE IF EXISTS fifo_bench_legacy_lots;
