-- Stored lots by status. Open lots (unresolved and still held) must never be stored; a resolved lot is never closed.
SELECT
    count() AS lots,
    countIf(resolved_at IS NOT NULL) AS resolved,
    countIf(resolved_at IS NULL AND is_closed = 1) AS closed,
    countIf(resolved_at IS NULL AND is_closed = 0) AS open_stored,
    countIf(resolved_at IS NOT NULL AND is_closed = 1) AS resolved_and_closed
FROM {{LotsDeduped}}
