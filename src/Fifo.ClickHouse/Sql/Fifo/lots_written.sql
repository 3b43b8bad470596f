-- How many rows a batch's computation stored in the lots table: its insert's own count includes the open lots and the
-- rows the materialized views copy.
SELECT count()
FROM {{Lots}}
WHERE wallet >= {first:String} AND wallet <= {last:String} AND _version = {version:UInt64}
