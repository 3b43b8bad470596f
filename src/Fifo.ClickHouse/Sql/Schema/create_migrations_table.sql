-- The record of applied migrations. Two processes starting at once may both apply and record the same version;
-- the statements are idempotent and ReplacingMergeTree folds the duplicate records.
CREATE TABLE IF NOT EXISTS {{Migrations}}
(
    version    UInt32,
    name       String,
    checksum   String COMMENT 'SHA-256 of the migration text after table names were filled in',
    applied_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY (version, checksum);
