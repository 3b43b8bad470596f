using Dapper;
using Fifo.ClickHouse.Import;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.ClickHouse.Tests.Import;

public sealed class CsvImporterTests(ClickHouseTestDatabase db) : ImportTestBase(db), IClassFixture<ClickHouseTestDatabase>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("TRUNCATE TABLE pm_canonical_fills_v4_deduped");
        await connection.ExecuteAsync("TRUNCATE TABLE pm_condition_resolutions");
    }

    [Fact]
    public async Task Imports_fills_with_optional_columns_defaulted()
    {
        var file = WriteCsv(
            FillsHeader + ",is_maker",
            $"clob_t1_o1-t,t1,{Wallet},{Condition},1,100.5,-40.2,2024-03-01 12:00:00,clob,1",
            $"\"clob_t2_o2-m\",t2,{Wallet},{Condition},0,-1e-7,0.1234567890123456,2024-03-01 12:00:01,ctf_token,0");
        var reports = new List<ImportProgress>();

        var result = await Importer.ImportFileAsync(ImportTarget.Fills, file, new SynchronousProgress<ImportProgress>(reports.Add));

        Assert.Equal(2, result.Rows);
        Assert.Equal(ImportPhase.Done, reports[^1].Phase);
        await using var connection = await Db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<ImportedFill>(
            "SELECT fill_id, wallet, outcome_index, tokens_delta, usdc_delta, event_time, source, is_maker, is_self_fill, block_number, _version " +
            "FROM pm_canonical_fills_v4_deduped ORDER BY fill_id")).ToList();
        Assert.Equal(
            [
                new ImportedFill("clob_t1_o1-t", Wallet, 1, 100.5, -40.2, new DateTime(2024, 3, 1, 12, 0, 0), "clob", 1, 0, 0, 0),
                new ImportedFill("clob_t2_o2-m", Wallet, 0, -1e-7, 0.1234567890123456, new DateTime(2024, 3, 1, 12, 0, 1), "ctf_token", 0, 0, 0, 0),
            ],
            rows);
        Assert.Empty(await LeftBehindAsync());
    }

    [Fact]
    public async Task Imports_resolutions_in_every_numerator_format_with_derived_defaults()
    {
        var file = WriteCsv(
            "condition_id,payout_numerators,resolved_at",
            $"{new string('1', 64)},\"[1,0]\",2024-05-01 00:00:00",
            $"{new string('2', 64)},\"[\"\"0\"\",\"\"1\"\"]\",2024-05-02 00:00:00",
            $"{new string('3', 64)},\"[1, 1]\",2024-05-03 00:00:00",
            $"{new string('4', 64)},,2024-05-04 00:00:00",
            // The engines read decimal numerators and whitespace around the brackets too.
            $"{new string('5', 64)},\" [0.5, 0.25]\",2024-05-05 00:00:00");

        var result = await Importer.ImportFileAsync(ImportTarget.Resolutions, file);

        Assert.Equal(5, result.Rows);
        await using var connection = await Db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string, string, string, byte, DateTime)>(
            "SELECT substring(condition_id, 1, 1), payout_numerators, payout_denominator, is_deleted, insert_time " +
            "FROM pm_condition_resolutions ORDER BY condition_id")).ToList();
        Assert.Equal(
            [
                ("1", "[1,0]", "1", (byte)0, new DateTime(2024, 5, 1)),
                ("2", "[\"0\",\"1\"]", "1", (byte)0, new DateTime(2024, 5, 2)),
                ("3", "[1, 1]", "2", (byte)0, new DateTime(2024, 5, 3)),
                ("4", "", "", (byte)0, new DateTime(2024, 5, 4)),
                ("5", " [0.5, 0.25]", "0.75", (byte)0, new DateTime(2024, 5, 5)),
            ],
            rows);
    }

    public static TheoryData<string, string[], long?, string?, string> BadFiles() => new()
    {
        { "empty file", [], null, null, "the file is empty" },
        { "unknown column", [FillsHeader + ",price"], 1, "price", "unknown column" },
        { "duplicate column", [FillsHeader + ",source"], 1, "source", "appears twice" },
        { "missing column", ["fill_id,tx_hash,wallet,condition_id,outcome_index,tokens_delta,event_time,source"], 1, null, "missing required column(s) usdc_delta" },
        { "field count", [FillsHeader, GoodFill(1), $"f2,t,{Wallet},{Condition},0,1,-1,2024-01-01 00:00:00"], 3, null, "expected 9 fields as in the header, found 8" },
        { "not a number", [FillsHeader, GoodFill(1), GoodFill(2), $"f3,t,{Wallet},{Condition},0,abc,-1,2024-01-01 00:00:00,clob"], 4, "tokens_delta", "'abc' is not a finite number" },
        { "infinite number", [FillsHeader, $"f3,t,{Wallet},{Condition},0,1,-Infinity,2024-01-01 00:00:00,clob"], 2, "usdc_delta", "not a finite number" },
        { "bad time", [FillsHeader, $"f3,t,{Wallet},{Condition},0,1,-1,2024-01-01T00:00:00Z,clob"], 2, "event_time", "is not a UTC time formatted yyyy-MM-dd HH:mm:ss" },
        { "bad wallet", [FillsHeader, $"f3,t,0xABC,{Condition},0,1,-1,2024-01-01 00:00:00,clob"], 2, "wallet", "'0xABC' is not a wallet" },
        { "upper-case wallet", [FillsHeader, $"f3,t,{Wallet.ToUpperInvariant().Replace("0X", "0x")},{Condition},0,1,-1,2024-01-01 00:00:00,clob"], 2, "wallet", "is not a wallet" },
        { "bad condition", [FillsHeader, $"f3,t,{Wallet},0x{Condition},0,1,-1,2024-01-01 00:00:00,clob"], 2, "condition_id", "is not a condition id" },
        { "condition with a line break", [FillsHeader, $"f3,t,{Wallet},\"{Condition}\n\",0,1,-1,2024-01-01 00:00:00,clob"], 2, "condition_id", "is not a condition id" },
        { "outcome out of range", [FillsHeader, $"f3,t,{Wallet},{Condition},256,1,-1,2024-01-01 00:00:00,clob"], 2, "outcome_index", "'256' is not an integer from 0 to 255" },
        { "bad flag", [FillsHeader + ",is_self_fill", $"f3,t,{Wallet},{Condition},0,1,-1,2024-01-01 00:00:00,clob,2"], 2, "is_self_fill", "'2' is not a flag" },
        { "negative version", [FillsHeader + ",_version", $"f3,t,{Wallet},{Condition},0,1,-1,2024-01-01 00:00:00,clob,-1"], 2, "_version", "'-1' is not an unsigned integer" },
        { "empty fill id", [FillsHeader, $",t,{Wallet},{Condition},0,1,-1,2024-01-01 00:00:00,clob"], 2, "fill_id", "empty value" },
        { "bad quoting", [FillsHeader, GoodFill(1), $"f3,\"t\"x,{Wallet},{Condition},0,1,-1,2024-01-01 00:00:00,clob"], 3, null, "after the closing double quote" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_fills_file_imports_nothing_and_names_file_line_and_column(
        string description, string[] lines, long? line, string? column, string reason)
    {
        var file = WriteCsv(lines);

        var error = await Assert.ThrowsAsync<CsvImportException>(() => Importer.ImportFileAsync(ImportTarget.Fills, file));

        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith(file, error.Message);
        Assert.Equal(0UL, await CountAsync("pm_canonical_fills_v4_deduped"));
        Assert.Empty(await LeftBehindAsync());
        Assert.NotEmpty(description);
    }

    [Fact]
    public async Task A_bad_row_after_many_good_batches_imports_nothing()
    {
        var path = NewFile(new TempFile(".csv"));
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteLineAsync(FillsHeader);
            for (var i = 0; i < 250_000; i++)
                await writer.WriteLineAsync(GoodFill(i));
            await writer.WriteLineAsync($"bad,t,{Wallet},{Condition},0,1,-1,2024-13-01 00:00:00,clob");
        }

        var error = await Assert.ThrowsAsync<CsvImportException>(() => Importer.ImportFileAsync(ImportTarget.Fills, path));

        Assert.Equal(250_002, error.Line);
        Assert.Equal("event_time", error.Column);
        Assert.Equal(0UL, await CountAsync("pm_canonical_fills_v4_deduped"));
        Assert.Empty(await LeftBehindAsync());
    }

    [Fact]
    public async Task A_bad_resolutions_file_imports_nothing()
    {
        var file = WriteCsv(
            "condition_id,payout_numerators,resolved_at",
            $"{new string('1', 64)},\"[1,0]\",2024-05-01 00:00:00",
            $"{new string('2', 64)},\"[1,x]\",2024-05-01 00:00:00");

        var error = await Assert.ThrowsAsync<CsvImportException>(() => Importer.ImportFileAsync(ImportTarget.Resolutions, file));

        Assert.Equal((3L, "payout_numerators"), (error.Line!.Value, error.Column));
        Assert.Equal(0UL, await CountAsync("pm_condition_resolutions"));
    }

    [Theory]
    [InlineData("\"[\"\"1,0\"\"]\"", "payout_numerators", "is not a payout list")]
    [InlineData("\"[1,99999999999999999999999999999]\"", "payout_denominator", "too large to sum into a default")]
    public async Task Resolutions_the_engines_would_misread_are_rejected_naming_the_column(string numerators, string column, string reason)
    {
        var file = WriteCsv(
            "condition_id,payout_numerators,resolved_at",
            $"{new string('1', 64)},{numerators},2024-05-01 00:00:00");

        var error = await Assert.ThrowsAsync<CsvImportException>(() => Importer.ImportFileAsync(ImportTarget.Resolutions, file));

        Assert.Equal((2L, column), (error.Line!.Value, error.Column));
        Assert.Contains(reason, error.Message);
        Assert.Equal(0UL, await CountAsync("pm_condition_resolutions"));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => Importer.ImportFileAsync(ImportTarget.Fills, "/no/such/file.csv"));

        Assert.Contains("/no/such/file.csv", error.Message);
    }

    private static string GoodFill(int i) => $"f{i},t{i},{Wallet},{Condition},0,1.5,-0.5,2024-01-01 00:00:00,clob";

    private async Task<ulong> CountAsync(string table)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<ulong>($"SELECT count() FROM {table}");
    }

    private sealed record ImportedFill(
        string FillId, string Wallet, byte OutcomeIndex, double TokensDelta, double UsdcDelta, DateTime EventTime,
        string Source, byte IsMaker, byte IsSelfFill, ulong BlockNumber, ulong Version);

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and complete.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
