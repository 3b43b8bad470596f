using ClickHouse.Driver.ADO;
using ClickHouse.Driver.Utility;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>{name:Type} parameters (param_* in the URL, or in a multipart form) reach chDB intact, never as SQL.</summary>
public sealed class ParameterTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    public static TheoryData<string> HostileValues => new()
    {
        "it's",
        "'; DROP TABLE x; --",
        "back\\slash \\' \\\\",
        "line\nbreak\r\nand\ttab",
        "ünïcödé 中文 😀",
        "{x:String}",
        "nul\0byte",
        "",
        "\\N",
        "%20&param_x=1",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task String_parameter_comes_back_unchanged(string value)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT {v:String}, length({v:String})";
        command.AddParameter("v", value);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(value, reader.GetString(0));
        Assert.Equal((ulong)System.Text.Encoding.UTF8.GetByteCount(value), reader.GetFieldValue<ulong>(1));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task String_parameter_in_form_mode_comes_back_unchanged(string value)
    {
        var builder = new ClickHouseConnectionStringBuilder(db.ConnectionString) { UseFormDataParameters = true };
        await using var connection = new ClickHouseConnection(builder.ConnectionString);
        var echoed = await connection.QuerySingleAsync<string>("SELECT {v:String}", Parameters(("v", value)));
        Assert.Equal(value, echoed);
    }

    [Fact]
    public async Task A_large_array_parameter_in_the_url_is_accepted_like_clickhouse_does()
    {
        // 5,000 wallets as one Array(String) parameter: ~230 KB of URL, refused by Kestrel's 8 KB default (HTTP 414).
        var wallets = Enumerable.Range(0, 5_000).Select(i => $"0x{i:x40}").ToArray();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length({ws:Array(String)}), {ws:Array(String)}[5000]";
        command.AddParameter("ws", wallets);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(5_000UL, reader.GetFieldValue<ulong>(0));
        Assert.Equal(wallets[^1], reader.GetString(1));
    }

    [Fact]
    public async Task Parameters_filter_rows_with_dapper()
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE wallets (wallet String, n UInt32) ENGINE = MergeTree ORDER BY wallet");
        await connection.ExecuteAsync("INSERT INTO wallets (wallet, n) VALUES ('0xabc', 1), ('0xdef', 2), ('o''brien', 3)");
        // Dapper drops members of an anonymous object that it does not see as @name in the SQL; a dictionary is passed whole.
        var n = await connection.QuerySingleAsync<uint>("SELECT n FROM wallets WHERE wallet = {w:String}", Parameters(("w", "o'brien")));
        Assert.Equal(3u, n);
        var many = await connection.QueryAsync<uint>("SELECT n FROM wallets WHERE has({ws:Array(String)}, wallet) ORDER BY n",
            Parameters(("ws", new[] { "0xabc", "0xdef" })));
        Assert.Equal([1u, 2u], many);
    }

    [Fact]
    public async Task Typed_parameters_bind_numbers_dates_and_nulls()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT {a:Int64} + 1, {d:DateTime}, {n:Nullable(String)} IS NULL";
        command.AddParameter("a", long.MaxValue - 1);
        command.AddParameter("d", new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc));
        command.AddParameter("n", DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(long.MaxValue, reader.GetInt64(0));
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 59), reader.GetDateTime(1));
        Assert.Equal(1, Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, object> Parameters(params (string Name, object Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value);
}
