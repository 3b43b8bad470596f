using Dapper;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Sql;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.ClickHouse.Tests.Import;

/// <summary>How an import reaches fills tables shaped as real deployments may have them: partitioned, or read by views.</summary>
public sealed class ImportCommitTests(ClickHouseTestDatabase db) : ImportTestBase(db), IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_partitioned_fills_table_gets_every_partition_under_new_block_numbers()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await RecreateFillsAsync(connection, "PARTITION BY toYYYYMM(event_time)");
        await connection.ExecuteAsync(
            $"INSERT INTO pm_canonical_fills_v4_deduped (fill_id, tx_hash, wallet, condition_id, outcome_index, tokens_delta, usdc_delta, event_time, source) " +
            $"VALUES ('old', 't', '{Wallet}', '{Condition}', 0, 1, -0.5, '2024-01-15 00:00:00', 'clob')");
        var blockBefore = await connection.ExecuteScalarAsync<ulong>(
            "SELECT max(max_block_number) FROM system.parts WHERE database = currentDatabase() AND table = 'pm_canonical_fills_v4_deduped' AND active");

        var result = await ImportAsync(Fill("f1", "2024-01-20"), Fill("f2", "2024-02-20"), Fill("f3", "2024-03-20"));

        Assert.Equal(3, result.Rows);
        Assert.Equal(
            ["202401:old", "202401:f1", "202402:f2", "202403:f3"],
            (await connection.QueryAsync<string>(
                "SELECT concat(_partition_id, ':', fill_id) FROM pm_canonical_fills_v4_deduped ORDER BY event_time, fill_id")).ToList());
        // New parts, so an incremental backfill sees the imported fills (copy_new_fills.sql).
        Assert.Equal(3UL, await connection.ExecuteScalarAsync<ulong>(
            "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'pm_canonical_fills_v4_deduped' " +
            $"AND active AND min_block_number > {blockBefore}"));
        Assert.Empty(await LeftBehindAsync());
    }

    [Fact]
    public async Task A_fills_table_read_by_a_materialized_view_still_feeds_it()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await RecreateFillsAsync(connection, "");
        await connection.ExecuteAsync("DROP TABLE IF EXISTS fills_per_wallet");
        await connection.ExecuteAsync("CREATE TABLE fills_per_wallet (wallet String, fills UInt64) ENGINE = SummingMergeTree ORDER BY wallet");
        await connection.ExecuteAsync(
            "CREATE MATERIALIZED VIEW fills_per_wallet_mv TO fills_per_wallet AS " +
            "SELECT toString(wallet) AS wallet, count() AS fills FROM pm_canonical_fills_v4_deduped GROUP BY wallet");
        try
        {
            await ImportAsync(Fill("f1", "2024-01-20"), Fill("f2", "2024-02-20"));

            Assert.Equal(2UL, await connection.ExecuteScalarAsync<ulong>("SELECT count() FROM pm_canonical_fills_v4_deduped"));
            Assert.Equal(2UL, await connection.ExecuteScalarAsync<ulong>($"SELECT sum(fills) FROM fills_per_wallet WHERE wallet = '{Wallet}'"));
            Assert.Empty(await LeftBehindAsync());
        }
        finally
        {
            await connection.ExecuteAsync("DROP VIEW IF EXISTS fills_per_wallet_mv");
        }
    }

    private Task<ImportResult> ImportAsync(params string[] rows) =>
        Importer.ImportFileAsync(ImportTarget.Fills, WriteCsv([FillsHeader, .. rows]));

    private static string Fill(string id, string day) => $"{id},t,{Wallet},{Condition},0,1.5,-0.5,{day} 00:00:00,clob";

    /// <summary>The fills table as migration 001 makes it (its own statement), plus <paramref name="partitioning"/>.</summary>
    private async Task RecreateFillsAsync(global::ClickHouse.Driver.ADO.ClickHouseConnection connection, string partitioning)
    {
        var create = Services.GetRequiredService<SqlScripts>().GetStatements("Migrations/001_source_tables.sql")
            .Single(statement => statement.Contains("CREATE TABLE IF NOT EXISTS pm_canonical_fills_v4_deduped", StringComparison.Ordinal));
        Assert.Contains("\nORDER BY ", create);
        await connection.ExecuteAsync("DROP TABLE IF EXISTS pm_canonical_fills_v4_deduped SYNC");
        await connection.ExecuteAsync(create.Replace("\nORDER BY ", $"\n{partitioning}\nORDER BY ", StringComparison.Ordinal));
    }
}
