using ClickHouse.Driver;
using Dapper;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Cli.Tests;

/// <summary>The commands end to end against a test database of the embedded engine, as a user would run them.</summary>
public sealed class CommandTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private const string Wallet = "0x00000000000000000000000000000000000000bb";
    private static readonly string Condition = new('d', 64);

    [Fact]
    public async Task Demo_data_then_query_streams_tsv_with_a_header()
    {
        var demo = await CliRun.RunAsync(db, "demo-data", "--fills", "20000", "--wallets", "50", "--markets", "20", "--seed", "3", "--append");
        var query = await CliRun.RunAsync(db, "query",
            "SELECT source, count() > 0 AS present FROM pm_canonical_fills_v4_deduped GROUP BY source ORDER BY source");

        Assert.True(demo.ExitCode == ExitCodes.Ok, demo.ToString());
        Assert.Matches(@"Generated [\d,]+ fill rows and [\d,]+ resolution rows", demo.Error);
        Assert.Equal(ExitCodes.Ok, query.ExitCode);
        Assert.Equal("source\tpresent\nclob\t1\nctf_cash\t1\nctf_token\t1\nnegrisk\t1\n", query.Out);
    }

    [Fact]
    public async Task Import_fills_imports_a_good_file_and_rejects_a_bad_one_whole()
    {
        using var good = TempFile.Csv("fill_id,tx_hash,wallet,condition_id,outcome_index,tokens_delta,usdc_delta,event_time,source",
            $"cli_f1,t1,{Wallet},{Condition},0,10,-4,2024-01-01 00:00:00,clob",
            $"cli_f2,t2,{Wallet},{Condition},0,-10,6,2024-01-02 00:00:00,clob");
        using var bad = TempFile.Csv("fill_id,tx_hash,wallet,condition_id,outcome_index,tokens_delta,usdc_delta,event_time,source",
            $"cli_f3,t3,{Wallet},{Condition},0,10,-4,2024-01-01 00:00:00,clob",
            $"cli_f4,t4,{Wallet},{Condition},x,-10,6,2024-01-02 00:00:00,clob");

        var imported = await CliRun.RunAsync(db, "import", "fills", good.Path);
        var rejected = await CliRun.RunAsync(db, "import", "fills", bad.Path);

        Assert.True(imported.ExitCode == ExitCodes.Ok, imported.ToString());
        Assert.Contains("Imported 2 rows into pm_canonical_fills_v4_deduped", imported.Error);
        Assert.Equal(ExitCodes.BadInput, rejected.ExitCode);
        Assert.Contains($"{bad.Path}, line 3, column outcome_index: 'x' is not an integer", rejected.Error);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(2UL, await connection.ExecuteScalarAsync<ulong>(
            "SELECT count() FROM pm_canonical_fills_v4_deduped WHERE fill_id LIKE 'cli_f%'"));
    }

    [Fact]
    public async Task Import_resolutions_and_a_missing_file()
    {
        using var file = TempFile.Csv("condition_id,payout_numerators,resolved_at", $"{Condition},\"[\"\"1\"\",\"\"0\"\"]\",2024-02-01 00:00:00");

        var imported = await CliRun.RunAsync(db, "import", "resolutions", file.Path);
        var missing = await CliRun.RunAsync(db, "import", "resolutions", "/no/such.csv");

        Assert.True(imported.ExitCode == ExitCodes.Ok, imported.ToString());
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("/no/such.csv", missing.Error);
    }

    [Fact]
    public async Task Export_lots_writes_the_deduplicated_view()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(db, "info")).ExitCode); // migrations
        await InsertCommittedLotAsync("clob_cli_export_o1-t", 0.1 + 0.2);
        using var export = new TempFile(".csv");

        var run = await CliRun.RunAsync(db, "export", "lots", export.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = await File.ReadAllLinesAsync(export.Path);
        var header = lines[0].Split(',').ToList();
        var row = Assert.Single(lines, l => l.Contains("clob_cli_export_o1-t")).Split(',');
        Assert.Equal("0.30000000000000004", row[header.IndexOf("pnl_usd")]);
        Assert.Equal("", row[header.IndexOf("resolved_at")]);
        Assert.Equal("", row[header.IndexOf("exit_time")]);
        Assert.Equal("2024-01-01 00:00:00", row[header.IndexOf("entry_time")]);
    }

    [Fact]
    public async Task Info_reports_database_schema_and_tables()
    {
        var run = await CliRun.RunAsync(db, "info");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"database\t{db.Database}", run.Out);
        Assert.Matches(@"schema\t(\d+) \(latest \1\)", run.Out);
        Assert.Contains("table\tFills\tpm_canonical_fills_v4_deduped\tReplacingMergeTree", run.Out);
        Assert.DoesNotContain("leftover", run.Out);
    }

    [Theory]
    [InlineData("SELECT * FROM no_such_table", "UNKNOWN_TABLE")]
    [InlineData("SELEC 1", "SYNTAX_ERROR")]
    public async Task Bad_sql_exits_2_with_the_server_message(string sql, string expected)
    {
        var run = await CliRun.RunAsync(db, "query", sql);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_dead_server_exits_1_with_a_clear_message()
    {
        var run = await CliRun.RunAsync("query", "SELECT 1", "--connection", "Host=127.0.0.1;Port=9;Protocol=http");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("cannot reach ClickHouse", run.Error);
    }

    [Fact]
    public async Task A_backfill_setting_the_engine_pins_is_bad_configuration()
    {
        using var config = TempFile.Json(new { Backfill = new { Settings = new { max_threads = "8" } } });

        var run = await CliRun.RunAsync("runs", "--connection", db.ServerConnectionString, "--config", config.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Backfill:Settings:max_threads = 8 cannot be used", run.Error);
    }

    [Fact]
    public async Task Bad_configuration_exits_2_naming_the_setting()
    {
        using var config = TempFile.Json(new { Tables = new { Lots = "lots-with-dash" } });

        var run = await CliRun.RunAsync("info", "--connection", db.ServerConnectionString, "--config", config.Path);
        var missing = await CliRun.RunAsync("info", "--config", "/no/such/settings.json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Tables:Lots = 'lots-with-dash'", run.Error);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("/no/such/settings.json", missing.Error);
    }

    [Theory]
    [InlineData("Backfill", "Workers", "abc", "'abc' at 'Backfill:Workers'")]
    [InlineData("ClickHouse", "QueryTimeout", "xyz", "'xyz' at 'ClickHouse:QueryTimeout'")]
    public async Task A_configuration_value_of_the_wrong_type_exits_2_naming_the_key(string section, string key, string value, string expected)
    {
        using var config = TempFile.Json(new Dictionary<string, object> { [section] = new Dictionary<string, string> { [key] = value } });

        var run = await CliRun.RunAsync("runs", "--connection", db.ServerConnectionString, "--config", config.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"fifo: configuration: Failed to convert configuration value {expected}", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_backfill_setting_the_server_does_not_know_exits_2_before_anything_is_recorded()
    {
        using var config = TempFile.Json(new
        {
            ClickHouse = new { db.Database },
            Backfill = new { Settings = new Dictionary<string, string> { ["max_memory_usage"] = "4000000000", ["max_memroy_usage"] = "1" } },
        });
        using var log = new TempFile(".log");

        var run = await CliRun.RunAsync("backfill", "--connection", db.ServerConnectionString, "--config", config.Path, "--log", log.Path);
        // Closing a run executes nothing: the settings do not stand in its way.
        var cancel = await CliRun.RunAsync("backfill", "--cancel", "no-such-run", "--connection", db.ServerConnectionString, "--config", config.Path);
        var recorded = await CliRun.RunAsync(db, "query",
            "SELECT (SELECT count() FROM fifo_backfill_runs) + (SELECT count() FROM fifo_backfill_batches) AS rows");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("fifo: configuration: Backfill:Settings:max_memroy_usage is not a setting of this ClickHouse server", run.Error);
        Assert.DoesNotContain("max_memory_usage is not", run.Error);
        Assert.Equal("rows\n0\n", recorded.Out);
        Assert.Equal(ExitCodes.BadInput, cancel.ExitCode);
        Assert.Contains("fifo: There is no run 'no-such-run'.", cancel.Error);
    }

    [Fact]
    public async Task Without_a_connection_the_embedded_engine_runs_on_the_data_dir()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"fifo-cli-data-{Guid.NewGuid():N}");
        try
        {
            var demo = await CliRun.RunAsync("demo-data", "--fills", "1000", "--wallets", "10", "--markets", "5", "--data-dir", dataDir);
            var query = await CliRun.RunAsync("query", "SELECT count() >= 1000 AS enough FROM pm_canonical_fills_v4_deduped", "--data-dir", dataDir);

            Assert.True(demo.ExitCode == ExitCodes.Ok, demo.ToString());
            Assert.Equal("enough\n1\n", query.Out);
            Assert.True(Directory.Exists(dataDir));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private async Task InsertCommittedLotAsync(string txHash, double pnl)
    {
        // A lot plus its wallet's summary row (the commit marker the deduplicated view requires).
        using var client = new ClickHouseClient(db.ConnectionString);
        const ulong version = 1;
        await client.InsertBinaryAsync("pm_trade_fifo_roi_v3",
            ["wallet", "condition_id", "outcome_index", "tx_hash", "order_id", "is_short", "entry_time", "tokens", "entry_price",
             "cost_usd", "pnl_usd", "_version"],
            [[Wallet, Condition, (byte)0, txHash, "o1", (byte)0, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 10.0, 0.4, 4.0, pnl, version]]);
        await client.InsertBinaryAsync("pm_trade_fifo_roi_v3_wallet_summary",
            ["wallet", "_version", "run_id", "computed_at", "lots"],
            [[Wallet, version, "cli-test", DateTime.UtcNow, 1u]]);
    }
}
