using Dapper;
using Fifo.ClickHouse.Schema;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Schema;

public sealed class DatabaseInfoReaderTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Reports_engine_schema_version_and_rows_per_configured_table()
    {
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO pm_condition_resolutions (condition_id, payout_numerators) VALUES ('a', '[1,0]'), ('b', '[0,1]')");

        var info = await services.GetRequiredService<DatabaseInfoReader>().ReadAsync();

        Assert.StartsWith("26.", info.EngineVersion);
        Assert.Equal(db.Database, info.Database);
        Assert.Equal(info.LatestSchemaVersion, info.SchemaVersion);
        var resolutions = Assert.Single(info.Tables, t => t.Key == "Resolutions");
        Assert.True(resolutions.Exists);
        Assert.Equal(2UL, resolutions.Rows);
        var fills = Assert.Single(info.Tables, t => t.Key == "Fills");
        Assert.Equal("ReplacingMergeTree", fills.Engine);
        Assert.Equal(0UL, fills.Rows);
        Assert.Empty(info.LeftoverImportTables);
    }

    [Fact]
    public async Task Lists_the_tables_an_unfinished_import_left_behind()
    {
        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE fifo_import_staging_killed (fill_id String) ENGINE = MergeTree ORDER BY tuple()");
        await connection.ExecuteAsync("INSERT INTO fifo_import_staging_killed (fill_id) VALUES ('a'), ('b')");
        try
        {
            var info = await services.GetRequiredService<DatabaseInfoReader>().ReadAsync();

            var leftover = Assert.Single(info.LeftoverImportTables);
            Assert.Equal("fifo_import_staging_killed", leftover.Name);
            Assert.Equal(2UL, leftover.Rows);
            Assert.NotNull(leftover.CreatedAt);
            Assert.InRange(leftover.CreatedAt.Value, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(1));
            Assert.Null(leftover.Owner);
            Assert.Null(leftover.InUse);
            Assert.Equal("left by an import that did not finish; unless an import is running now, drop it", leftover.Situation);
        }
        finally
        {
            await connection.ExecuteAsync("DROP TABLE fifo_import_staging_killed");
        }
    }
}
