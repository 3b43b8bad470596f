-- The wallets the legacy method computes, in key order (the seed enumerated them and cut 100-wallet IN lists).
SELECT DISTINCT toString(wallet)
FROM {{Fills}}
WHERE source = 'clob' AND wallet != '0x0000000000000000000000000000000000000000'
ORDER BY 1
