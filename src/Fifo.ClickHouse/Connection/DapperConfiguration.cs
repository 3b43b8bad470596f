using Dapper;

namespace Fifo.ClickHouse.Connection;

/// <summary>
/// Process-wide Dapper settings for ClickHouse results: snake_case columns map to PascalCase members
/// (<c>condition_id</c> → <c>ConditionId</c>), for properties and constructor parameters alike.
/// ClickHouse has no boolean flags in our tables (UInt8); select <c>toBool(is_maker) AS is_maker</c> to fill a bool.
/// </summary>
internal static class DapperConfiguration
{
    public static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
