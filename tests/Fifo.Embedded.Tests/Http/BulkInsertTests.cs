using ClickHouse.Driver;
using ClickHouse.Driver.Compression;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>ClickHouseClient.InsertBinaryAsync: RowBinary bodies, compressed or not, streamed into chDB.</summary>
public sealed class BulkInsertTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    private static readonly string[] Columns = ["id", "wallet", "amount", "at"];

    [Fact]
    public async Task A_million_rows_arrive_whole()
    {
        await CreateTableAsync("bulk_million");
        using var client = new ClickHouseClient(db.ConnectionString);
        var written = await client.InsertBinaryAsync("bulk_million", Columns, Rows(1_000_000), new InsertOptions { BatchSize = 250_000 });
        Assert.Equal(1_000_000, written);
        await AssertContentsAsync("bulk_million", 1_000_000);
    }

    public static TheoryData<string, IClickHouseCompressor?, int> Codecs => new()
    {
        { "lz4", Lz4Compressor.Default, 1_000_000 },
        { "gzip", GZipCompressor.Default, 1_000_000 },
        { "none", null, 1_000_000 },
        // Brotli compresses slowly on the client; fewer rows prove the decoding just as well.
        { "brotli", BrotliCompressor.Default, 100_000 },
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task Every_insert_codec_arrives_whole(string name, IClickHouseCompressor? compressor, int rows)
    {
        var table = $"bulk_{name}";
        await CreateTableAsync(table);
        using var client = new ClickHouseClient(db.ConnectionString);
        var written = await client.InsertBinaryAsync(table, Columns, Rows(rows), new InsertOptions { BatchSize = 500_000, Compressor = compressor });
        Assert.Equal(rows, written);
        await AssertContentsAsync(table, rows);
    }

    [Fact]
    public async Task Insert_reports_written_rows_in_the_summary()
    {
        await CreateTableAsync("bulk_summary");
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bulk_summary (id, wallet, amount, at) SELECT number, 'w', 1, now() FROM numbers(1234)";
        await command.ExecuteNonQueryAsync();
        Assert.Equal(1234, command.QueryStats.WrittenRows);
    }

    [Fact]
    public async Task Insert_into_a_missing_table_fails_with_its_code_and_writes_nothing()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() =>
            client.InsertBinaryAsync("no_such_table", Columns, Rows(10), new InsertOptions { ColumnTypes = ColumnTypes }));
        Assert.Equal(60, error.ErrorCode);
    }

    [Fact]
    public async Task Rows_that_do_not_parse_fail_the_insert_and_nothing_is_written()
    {
        await CreateTableAsync("bulk_bad_rows");
        using var client = new ClickHouseClient(db.ConnectionString);
        // Declared as String but the table says UInt64: the bytes cannot be read as the table's rows.
        var badTypes = new Dictionary<string, string>(ColumnTypes) { ["id"] = "String" };
        await Assert.ThrowsAsync<ClickHouseServerException>(() => client.InsertBinaryAsync("bulk_bad_rows", Columns,
            Enumerable.Range(0, 1000).Select(i => new object[] { $"not a number {i}", "w", 1.0, DateTime.UtcNow }),
            new InsertOptions { ColumnTypes = badTypes }));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0UL, await connection.ExecuteScalarAsync<ulong>("SELECT count() FROM bulk_bad_rows"));
    }

    [Fact]
    public async Task Text_insert_with_format_in_the_body_is_streamed_in()
    {
        await CreateTableAsync("bulk_tsv");
        var tsv = string.Concat(Enumerable.Range(0, 50_000).Select(i =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i}\t0x{i:x40}\t{i * 0.5}\t2024-01-01 00:00:00\n")));
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO bulk_tsv (id, wallet, amount, at) FORMAT TabSeparated\n" + tsv);
        await AssertContentsAsync("bulk_tsv", 50_000);
    }

    private static readonly Dictionary<string, string> ColumnTypes = new()
    {
        ["id"] = "UInt64", ["wallet"] = "String", ["amount"] = "Float64", ["at"] = "DateTime",
    };

    private async Task CreateTableAsync(string table)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync($"CREATE TABLE {table} (id UInt64, wallet String, amount Float64, at DateTime) ENGINE = MergeTree ORDER BY id");
    }

    private async Task AssertContentsAsync(string table, int rows)
    {
        await using var connection = await db.OpenConnectionAsync();
        var (count, sum, last) = await connection.QuerySingleAsync<(ulong, double, string)>(
            $"SELECT count(), sum(amount), argMax(wallet, id) FROM {table}");
        Assert.Equal((ulong)rows, count);
        Assert.Equal(Enumerable.Range(0, rows).Sum(i => i * 0.5), sum);
        Assert.Equal($"0x{rows - 1:x40}", last);
    }

    private static IEnumerable<object[]> Rows(int count)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, count).Select(i => new object[] { (ulong)i, $"0x{i:x40}", i * 0.5, start.AddSeconds(i) });
    }
}
