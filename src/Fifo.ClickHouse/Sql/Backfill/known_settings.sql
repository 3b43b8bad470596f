-- Which of the given names are settings of this server (aliases included): Backfill:Settings are sent with every
-- batch, and a name the server does not know would fail each of them with UNKNOWN_SETTING.
SELECT name
FROM system.settings
WHERE name IN {names:Array(String)}
