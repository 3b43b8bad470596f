-- Demo data helper tables are only needed while generating: dropped after every generation, failed ones too.
DROP TABLE IF EXISTS {{Fills}}_demo_episodes;
DROP TABLE IF EXISTS {{Fills}}_demo_markets;
