using System.Net;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver.ADO;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>The HTTP interface itself, as ClickHouse 26 answers it: GET queries, headers, error status, empty DDL bodies.</summary>
public sealed class HttpInterfaceTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>, IDisposable
{
    private readonly HttpClient http = new();

    private Uri Url(string query) =>
        new($"http://127.0.0.1:{new ClickHouseConnectionStringBuilder(db.ConnectionString).Port}/?database={db.Database}&{query}");

    [Fact]
    public async Task Get_with_query_in_the_url_answers_tab_separated_with_the_clickhouse_headers()
    {
        using var response = await http.GetAsync(Url("query=" + Uri.EscapeDataString("SELECT number, 'x' FROM numbers(3)") + "&query_id=q-get-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0\tx\n1\tx\n2\tx\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("q-get-1", Header(response, "X-ClickHouse-Query-Id"));
        Assert.Equal("UTC", Header(response, "X-ClickHouse-Timezone"));
        Assert.Equal("TabSeparated", Header(response, "X-ClickHouse-Format"));
        Assert.Matches("^[a-z]{16}$", Header(response, "X-ClickHouse-Exception-Tag"));
        using var summary = JsonDocument.Parse(Header(response, "X-ClickHouse-Summary"));
        Assert.Equal("3", summary.RootElement.GetProperty("result_rows").GetString());
        foreach (var counter in new[] { "read_rows", "read_bytes", "written_rows", "written_bytes", "total_rows_to_read", "result_bytes", "elapsed_ns" })
            Assert.True(summary.RootElement.TryGetProperty(counter, out _), counter);
    }

    /// <summary>As on a ClickHouse server, a GET request is read-only (readonly = 2): a link or a crawler cannot write.</summary>
    [Fact]
    public async Task Get_request_cannot_write()
    {
        using var response = await http.GetAsync(Url("query=" + Uri.EscapeDataString("CREATE TABLE get_probe (a UInt8) ENGINE = Memory")));

        // READONLY has no HTTP status of its own in ClickHouse's exceptionCodeToHTTPStatus: 500.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("164", Header(response, "X-ClickHouse-Exception-Code"));
        Assert.Equal("0\n", await PostAsync("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'get_probe'"));
        Assert.Equal("0\n", await PostAsync("SELECT getSetting('readonly')"));
    }

    [Fact]
    public async Task Query_in_the_url_and_rows_in_the_body_insert()
    {
        await PostAsync("CREATE TABLE url_insert (a UInt32, b String) ENGINE = Memory");
        using var insert = await http.PostAsync(Url("query=" + Uri.EscapeDataString("INSERT INTO url_insert FORMAT CSV")),
            new StringContent("1,one\n2,two\n"));
        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);
        Assert.Equal("", await insert.Content.ReadAsStringAsync());
        Assert.Equal("3\tonetwo\n", await PostAsync("SELECT sum(a), arrayStringConcat(groupArray(b)) FROM (SELECT * FROM url_insert ORDER BY a)"));
    }

    [Fact]
    public async Task Ddl_answers_an_empty_body()
    {
        using var response = await http.PostAsync(Url(""), new StringContent("CREATE TABLE empty_answer (a UInt8) ENGINE = Memory"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("SELECT * FROM missing_table", HttpStatusCode.NotFound, 60)]
    [InlineData("SELEC 1", HttpStatusCode.BadRequest, 62)]
    [InlineData("SELECT throwIf(1)", HttpStatusCode.InternalServerError, 395)]
    public async Task Error_has_clickhouse_status_code_header_and_text(string sql, HttpStatusCode status, int code)
    {
        using var response = await http.PostAsync(Url(""), new StringContent(sql));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-ClickHouse-Exception-Code"));
        Assert.StartsWith($"Code: {code}. DB::Exception: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_not_found()
    {
        var port = new ClickHouseConnectionStringBuilder(db.ConnectionString).Port;
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/no/such/handler"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> PostAsync(string sql)
    {
        using var response = await http.PostAsync(Url(""), new ByteArrayContent(Encoding.UTF8.GetBytes(sql)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");

    public void Dispose() => http.Dispose();
}
