using ClickHouse.Driver.ADO;
using Dapper;

namespace Fifo.ClickHouse.Tests.Import;

/// <summary>What an import leaves behind in the test database: that should be nothing.</summary>
internal static class ImportTables
{
    /// <summary>The import's own tables still there, and those dropped but with their data still on disk.</summary>
    public static async Task<List<string>> LeftBehindAsync(ClickHouseConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'fifo_import_%' " +
            "UNION ALL SELECT table FROM system.dropped_tables WHERE database = currentDatabase() AND table LIKE 'fifo_import_%'"))
        .ToList();
}
