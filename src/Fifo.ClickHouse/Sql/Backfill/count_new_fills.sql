-- Fill rows of the wallet range [lower, upper) above a baseline's marks: what an incremental run can see arriving.
-- When the range grew by more rows than this since the baseline, rows arrived below the marks (history imported
-- after the fact) and the incremental run falls back to all wallets of the range.
SELECT count()
FROM {{Fills}}
WHERE wallet >= {lower:String} AND wallet < {upper:String}
  AND (_version > {fillsVersionMark:UInt64} OR block_number > {fillsBlockMark:UInt64})
