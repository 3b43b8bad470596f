using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>DDL and INSERT answer with an empty body; the driver reads that as "0 rows affected".</summary>
public sealed class DdlTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Table_lifecycle_through_ddl()
    {
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteAsync(
            "CREATE TABLE lifecycle (id UInt64, v String) ENGINE = ReplacingMergeTree ORDER BY id"));
        await connection.ExecuteAsync("ALTER TABLE lifecycle ADD COLUMN extra Nullable(Float64)");
        await connection.ExecuteAsync("INSERT INTO lifecycle (id, v, extra) VALUES (1, 'a', NULL), (2, 'b', 2.5)");
        await connection.ExecuteAsync("DELETE FROM lifecycle WHERE id = 1");
        await connection.ExecuteAsync("CREATE VIEW lifecycle_view AS SELECT id, v FROM lifecycle FINAL");
        Assert.Equal(["b"], await connection.QueryAsync<string>("SELECT v FROM lifecycle_view"));
        await connection.ExecuteAsync("RENAME TABLE lifecycle_view TO lifecycle_view2");
        await connection.ExecuteAsync("DROP VIEW lifecycle_view2");
        await connection.ExecuteAsync("DROP TABLE lifecycle");
        Assert.Equal(0UL, await connection.ExecuteScalarAsync<ulong>(
            "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name LIKE 'lifecycle%'"));
    }

    [Fact]
    public async Task Data_persists_in_merge_tree_across_connections()
    {
        await using (var writer = await db.OpenConnectionAsync())
        {
            await writer.ExecuteAsync("CREATE TABLE persisted (id UInt64) ENGINE = MergeTree ORDER BY id");
            await writer.ExecuteAsync("INSERT INTO persisted SELECT number FROM numbers(100)");
        }
        await using var reader = await db.OpenConnectionAsync();
        Assert.Equal(4950UL, await reader.ExecuteScalarAsync<ulong>("SELECT sum(id) FROM persisted"));
    }
}
