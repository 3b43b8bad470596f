-- Demo data helper tables are only needed while generating: dropped after every generation, failed ones too, with
-- SYNC so that their space comes back at once (see ImportCommit.DropQuietlyAsync).
DROP TABLE IF EXISTS {{Fills}}_demo_episodes SYNC;
DROP TABLE IF EXISTS {{Fills}}_demo_markets SYNC;
