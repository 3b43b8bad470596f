-- Whether a fill_id appears in more than one of the wallet's fill rows (any version, any position). Only then does a
-- one-wallet batch, grouped per position, need compute_lots.sql's repeated-fill-ids: part, which drops the older
-- versions across positions at the cost of reading the wallet twice. The fill_ids are compared by 64-bit hash and
-- read without FINAL, so a hash collision or a row repeating a whole key can only answer "repeats" where the part
-- would drop nothing: the slower path, never a wrong one.
SELECT count() != uniqExact(cityHash64(fill_id))
FROM {{Fills}}
WHERE wallet = {wallet:String}
