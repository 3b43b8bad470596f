-- Demo data, last step: the helper tables are only needed while generating.
DROP TABLE IF EXISTS {{Fills}}_demo_episodes;
DROP TABLE IF EXISTS {{Fills}}_demo_markets;
