using System.Text;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>Reads through ClickHouse.Driver and Dapper, in the formats the driver asks for.</summary>
public sealed class ReadTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Select_returns_typed_values()
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(ulong Number, string Text, DateTime When, decimal Price, double? Missing)>(
            "SELECT toUInt64(42) AS Number, 'héllo 😀' AS Text, toDateTime('2024-03-01 12:34:56', 'UTC') AS When, " +
            "toDecimal64(12.345678, 6) AS Price, CAST(NULL AS Nullable(Float64)) AS Missing");
        Assert.Equal(42UL, row.Number);
        Assert.Equal("héllo 😀", row.Text);
        Assert.Equal(new DateTime(2024, 3, 1, 12, 34, 56), row.When);
        Assert.Equal(12.345678m, row.Price);
        Assert.Null(row.Missing);
    }

    [Fact]
    public async Task Composite_types_round_trip()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT [1, 2, 3]::Array(Int32), map('a', 1), tuple(1, 'x'), toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'), " +
                              "toLowCardinality('lc'), toDateTime64('2024-01-02 03:04:05.678', 3, 'UTC')";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal([1, 2, 3], (int[])reader.GetValue(0));
        Assert.Equal(1, ((IDictionary<string, byte>)reader.GetValue(1))["a"]);
        Assert.Equal(Guid.Parse("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), reader.GetGuid(3));
        Assert.Equal("lc", reader.GetString(4));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 678), reader.GetDateTime(5));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Large_result_streams_every_row_once()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, toString(number) FROM numbers(1000000)";
        await using var reader = await command.ExecuteReaderAsync();
        ulong expected = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal(expected, reader.GetFieldValue<ulong>(0));
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
            expected++;
        }
        Assert.Equal(1_000_000UL, expected);
    }

    [Fact]
    public async Task Empty_result_still_carries_names_and_types()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number AS n, toString(number) AS s FROM numbers(10) WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.Equal(["n", "s"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.Equal(typeof(ulong), reader.GetFieldType(0));
        Assert.False(await reader.ReadAsync());
    }

    [Theory]
    [InlineData("CSVWithNames", "\"n\"\n")]
    [InlineData("TabSeparatedWithNamesAndTypes", "n\nUInt64\n")]
    [InlineData("JSONCompactEachRowWithNames", "[\"n\"]\n")]
    public async Task Text_format_with_header_has_it_once_even_when_streamed_in_chunks(string format, string header)
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        using var result = await client.ExecuteRawResultAsync($"SELECT number AS n FROM numbers(300000) FORMAT {format}");
        var text = await result.ReadAsStringAsync();
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(text, header));
        Assert.Equal(300000 + header.Count(c => c == '\n'), text.Count(c => c == '\n'));
        Assert.EndsWith(format.StartsWith("JSON", StringComparison.Ordinal) ? "[299999]\n" : "299999\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whole_document_formats_are_answered_whole()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        using var result = await client.ExecuteRawResultAsync("SELECT number AS n FROM numbers(200000) FORMAT JSON");
        using var json = System.Text.Json.JsonDocument.Parse(await result.ReadAsStringAsync());
        Assert.Equal(200000, json.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Show_and_describe_are_answered()
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE shown (a UInt8, b String) ENGINE = Memory");
        Assert.Contains("shown", await connection.QueryAsync<string>("SHOW TABLES"));
        await using var command = connection.CreateCommand();
        command.CommandText = "DESCRIBE TABLE shown";
        await using var reader = await command.ExecuteReaderAsync();
        var described = new List<(string, string)>();
        while (await reader.ReadAsync())
            described.Add((reader.GetString(0), reader.GetString(1)));
        Assert.Equal([("a", "UInt8"), ("b", "String")], described);
    }

    [Fact]
    public async Task Database_of_the_connection_string_is_current_and_the_time_zone_is_utc()
    {
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(db.Database, await connection.ExecuteScalarAsync<string>("SELECT currentDatabase()"));
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT timezone()";
        Assert.Contains("UTC", (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
        Assert.Equal("UTC", command.ServerTimezone);
    }

    [Fact]
    public async Task Query_id_and_summary_reach_the_command()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.QueryId = $"read-test-{Guid.NewGuid()}";
        command.CommandText = "SELECT sum(number) FROM numbers(1000)";
        Assert.Equal(499500UL, await command.ExecuteScalarAsync());
        Assert.NotNull(command.QueryStats);
        Assert.Equal(1000, command.QueryStats.ReadRows);
        Assert.Equal(1, command.QueryStats.ResultRows);
    }

    [Theory]
    [MemberData(nameof(AnswerEncodings.All), MemberType = typeof(AnswerEncodings))]
    public async Task Compressed_answers_decode(string? acceptEncoding)
    {
        var builder = new ClickHouseConnectionStringBuilder(db.ConnectionString) { Compression = true };
        if (acceptEncoding is not null)
            builder.AcceptEncoding = acceptEncoding;
        await using var connection = new ClickHouseConnection(builder.ConnectionString);
        var sum = await connection.ExecuteScalarAsync<ulong>("SELECT sum(length(toString(number))) FROM numbers(300000)");
        Assert.Equal(1_688_890UL, sum);
        var rows = (await connection.QueryAsync<ulong>("SELECT number FROM numbers(300000)")).ToList();
        Assert.Equal(300000, rows.Count);
        Assert.Equal(299999UL, rows[^1]);
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
