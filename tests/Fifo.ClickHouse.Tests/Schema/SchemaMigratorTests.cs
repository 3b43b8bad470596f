using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Options;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.ClickHouse.Tests.Schema;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Creates_the_database_when_missing()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        var fresh = $"{db.Database}_new";
        try
        {
            await using var services = FifoClickHouseServices.Create(db, ("ClickHouse:Database", fresh));

            var report = await services.GetRequiredService<SchemaMigrator>().MigrateAsync();

            Assert.Equal(fresh, report.Database);
            await using var connection = await db.OpenConnectionAsync();
            var tables = (await connection.QueryAsync<string>(
                "SELECT name FROM system.tables WHERE database = {d:String}", QueryParameters.From(new { d = fresh }))).ToList();
            Assert.Contains("pm_canonical_fills_v4_deduped", tables);
            Assert.Contains("pm_condition_resolutions", tables);
            Assert.Contains("fifo_schema_migrations", tables);
        }
        finally
        {
            await using var connection = await db.OpenConnectionAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {fresh} SYNC");
        }
    }

    [Fact]
    public async Task Applies_each_migration_once_and_records_version_name_checksum_and_time()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var services = FifoClickHouseServices.Create(db);
        var migrator = services.GetRequiredService<SchemaMigrator>();

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), first.AppliedNow.Select(m => m.Version));
        Assert.Empty(second.AppliedNow);
        var records = await migrator.ReadAppliedAsync();
        Assert.Equal(SchemaMigrator.Migrations.Select(m => (uint)m.Version), records.Select(r => r.Version));
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Name), records.Select(r => r.Name));
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{64}$", r.Checksum));
        Assert.All(records, r => Assert.InRange(r.AppliedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal(1, SchemaMigrator.Migrations[0].Version);
    }

    [Fact]
    public async Task A_renamed_table_reapplies_the_migration_that_creates_it()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using (var services = FifoClickHouseServices.Create(db))
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();

        await using var renamed = FifoClickHouseServices.Create(db, ("Tables:Fills", "fills_renamed"));
        var report = await renamed.GetRequiredService<SchemaMigrator>().MigrateAsync();

        Assert.Equal([1], report.AppliedNow.Select(m => m.Version));
        Assert.Contains("fills_renamed", await TableNamesAsync(db));
    }

    [Fact]
    public async Task Existing_source_tables_are_left_exactly_as_they_are()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        // A "production" table: other engine, other order, an extra column, and data.
        await connection.ExecuteAsync("""
            CREATE TABLE pm_canonical_fills_v4_deduped
            (
                fill_id String, tx_hash String, wallet String, condition_id String, outcome_index UInt8,
                tokens_delta Float64, usdc_delta Float64, event_time DateTime, source String, is_maker UInt8,
                is_self_fill UInt8, block_number UInt64, _version UInt64, extra_column String
            )
            ENGINE = MergeTree ORDER BY fill_id
            """);
        await connection.ExecuteAsync("INSERT INTO pm_canonical_fills_v4_deduped (fill_id, extra_column) VALUES ('f1', 'kept')");
        var before = await connection.ExecuteScalarAsync<string>("SHOW CREATE TABLE pm_canonical_fills_v4_deduped");

        await using var services = FifoClickHouseServices.Create(db);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();

        Assert.Equal(before, await connection.ExecuteScalarAsync<string>("SHOW CREATE TABLE pm_canonical_fills_v4_deduped"));
        Assert.Equal("kept", await connection.ExecuteScalarAsync<string>("SELECT extra_column FROM pm_canonical_fills_v4_deduped"));
    }

    [Fact]
    public async Task An_existing_table_without_required_columns_fails_naming_them()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE pm_condition_resolutions (condition_id String, resolved_at DateTime, insert_time DateTime)
            ENGINE = MergeTree ORDER BY condition_id
            """);

        await using var services = FifoClickHouseServices.Create(db);
        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync());

        Assert.Contains("pm_condition_resolutions lacks column(s) payout_numerators, payout_denominator, is_deleted", error.Message);
        Assert.Contains("Tables:Resolutions", error.Message);
    }

    [Fact]
    public async Task A_fills_table_without_block_number_fails_at_startup_rather_than_in_every_batch()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE pm_canonical_fills_v4_deduped
            (
                fill_id String, tx_hash String, wallet LowCardinality(String), condition_id String, outcome_index UInt8,
                tokens_delta Float64, usdc_delta Float64, event_time DateTime, source LowCardinality(String),
                is_maker UInt8, is_self_fill UInt8, _version UInt64
            )
            ENGINE = ReplacingMergeTree(_version) ORDER BY (wallet, condition_id, outcome_index, event_time, fill_id)
            """);

        await using var services = FifoClickHouseServices.Create(db);
        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => services.GetRequiredService<SchemaMigrator>().MigrateAsync());

        Assert.Contains("pm_canonical_fills_v4_deduped lacks column(s) block_number", error.Message);
    }

    [Fact]
    public async Task Hosts_starting_at_once_both_succeed_and_leave_one_record_per_version()
    {
        await using var db = await ClickHouseTestDatabase.CreateAsync();
        await using var first = FifoClickHouseServices.Create(db);
        await using var second = FifoClickHouseServices.Create(db);

        await Task.WhenAll(
            first.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(),
            second.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync());

        var records = await first.GetRequiredService<SchemaMigrator>().ReadAppliedAsync();
        Assert.Equal(SchemaMigrator.Migrations.Count, records.Select(r => r.Version).Distinct().Count());
        Assert.Empty((await first.GetRequiredService<SchemaMigrator>().MigrateAsync()).AppliedNow);
    }

    private static async Task<List<string>> TableNamesAsync(ClickHouseTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT name FROM system.tables WHERE database = currentDatabase()")).ToList();
    }
}
