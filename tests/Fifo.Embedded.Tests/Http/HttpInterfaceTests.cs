using System.Net;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver.ADO;
using Fifo.Testing;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>The HTTP interface itself, as ClickHouse 26 answers it: GET queries, headers, error status, empty DDL bodies.</summary>
public sealed class HttpInterfaceTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>, IDisposable
{
    private readonly HttpClient http = EngineHttpClient.For(db.ConnectionString);

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

    /// <summary>
    /// A client that goes away in the middle of an insert body: the insert is abandoned, writes nothing, and lets go of
    /// its table at once (DROP … SYNC waits for every reference; one an abandoned insert kept made it wait forever).
    /// </summary>
    [Fact]
    public async Task Insert_abandoned_mid_body_writes_nothing_and_lets_go_of_its_table()
    {
        await PostAsync("CREATE TABLE abandoned_insert (a UInt64, b String) ENGINE = MergeTree ORDER BY a");
        using var cancellation = new CancellationTokenSource();
        var body = new CsvBody(async () =>
        {
            await WaitUntilInsertRunsAsync("abandoned_insert");
            await cancellation.CancelAsync();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PostAsync(InsertUrl("abandoned_insert"), body, cancellation.Token))
            .WaitAsync(TimeSpan.FromSeconds(30));

        await AssertEmptyAndDroppableAsync("abandoned_insert");
    }

    /// <summary>The same when the insert is killed while its body arrives (the client's abort kills it this way too).</summary>
    [Fact]
    public async Task Insert_killed_mid_body_writes_nothing_and_lets_go_of_its_table()
    {
        await PostAsync("CREATE TABLE killed_insert (a UInt64, b String) ENGINE = MergeTree ORDER BY a");
        var body = new CsvBody(async () =>
        {
            await WaitUntilInsertRunsAsync("killed_insert");
            await PostAsync("KILL QUERY WHERE query LIKE '%INSERT INTO killed_insert%' AND query NOT LIKE '%KILL QUERY%' SYNC");
        }, ends: true);
        using var response = await http.PostAsync(InsertUrl("killed_insert"), body).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(response.IsSuccessStatusCode);
        await AssertEmptyAndDroppableAsync("killed_insert");
    }

    /// <summary>Inserts that succeed let go too, on whichever pooled connections they ran.</summary>
    [Fact]
    public async Task Parallel_inserts_let_go_of_their_table()
    {
        await PostAsync("CREATE TABLE parallel_insert (a UInt64, b String) ENGINE = MergeTree ORDER BY a");
        var rows = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{i},row{i}\n"));
        var inserts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            http.PostAsync(InsertUrl("parallel_insert"), new StringContent(rows)))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(inserts, response => Assert.True(response.IsSuccessStatusCode));
        foreach (var response in inserts)
            response.Dispose();
        Assert.Equal("600000\n", await PostAsync("SELECT count() FROM parallel_insert", $"check-{Guid.NewGuid():N}"));
        await AssertDroppableAsync("parallel_insert");
    }

    /// <summary>A statement answered in one piece (here INSERT … SELECT) that is killed lets go of its table too.</summary>
    [Fact]
    public async Task Killed_insert_select_lets_go_of_its_table()
    {
        await PostAsync("CREATE TABLE killed_copy (a UInt64) ENGINE = MergeTree ORDER BY a");
        var queryId = $"killed-copy-{Guid.NewGuid():N}";
        var copying = http.PostAsync(Url($"query_id={queryId}"), new StringContent(
            "INSERT INTO killed_copy SELECT number FROM numbers(100000000000) WHERE NOT ignore(sleepEachRow(0.000001))"));
        await WaitUntilInsertRunsAsync("killed_copy");
        // SYNC returns once the statement has left system.processes: at once, not after the endpoint's 30 s limit.
        await PostAsync($"KILL QUERY WHERE query_id = '{queryId}' SYNC").WaitAsync(TimeSpan.FromSeconds(10));

        using var response = await copying.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(response.IsSuccessStatusCode);
        await AssertDroppableAsync("killed_copy");
    }

    /// <summary>Whether rows before the bad one stay is ClickHouse's block-by-block insert behaviour, not checked here.</summary>
    [Fact]
    public async Task Insert_failing_on_a_bad_row_mid_body_lets_go_of_its_table()
    {
        await PostAsync("CREATE TABLE failed_insert (a UInt64, b String) ENGINE = MergeTree ORDER BY a");
        var rows = string.Concat(Enumerable.Range(0, 2_000_000).Select(i => i == 1_500_000 ? "bad,row\n" : $"{i},row{i}\n"));
        using var response = await http.PostAsync(InsertUrl("failed_insert"), new StringContent(rows)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(response.IsSuccessStatusCode);
        await AssertDroppableAsync("failed_insert");
    }

    [Fact]
    public async Task Read_abandoned_mid_answer_lets_go_of_its_table()
    {
        await PostAsync("CREATE TABLE abandoned_read (a UInt64, b String) ENGINE = MergeTree ORDER BY a");
        await PostAsync("INSERT INTO abandoned_read SELECT number, toString(number) FROM numbers(3000000)");
        using var read = new HttpRequestMessage(HttpMethod.Post, Url(""))
        {
            Content = new StringContent("SELECT a, b, sleepEachRow(0.000001) FROM abandoned_read"),
        };
        using (var response = await http.SendAsync(read, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            await using var answer = await response.Content.ReadAsStreamAsync();
            await answer.ReadExactlyAsync(new byte[100_000]);
        }
        await AssertDroppableAsync("abandoned_read");
    }

    private Uri InsertUrl(string table) => Url("query=" + Uri.EscapeDataString($"INSERT INTO {table} FORMAT CSV"));

    private Task WaitUntilInsertRunsAsync(string table) =>
        Poll.UntilAsync($"the insert into {table} to show in system.processes", TimeSpan.FromSeconds(20), async () =>
            await PostAsync($"SELECT count() FROM system.processes WHERE query LIKE '%INSERT INTO {table}%' "
                            + "AND query NOT LIKE '%system.processes%'") != "0\n");

    /// <summary>
    /// Checked on a session's own connection: a pooled request could land on the connection that ran the statement,
    /// and running anything there would release it, hiding the fault these tests look for.
    /// </summary>
    private async Task AssertEmptyAndDroppableAsync(string table)
    {
        var session = $"check-{Guid.NewGuid():N}";
        Assert.Equal("0\n", await PostAsync($"SELECT count() FROM {table}", session).WaitAsync(TimeSpan.FromSeconds(20)));
        await AssertDroppableAsync(table, session);
    }

    private async Task AssertDroppableAsync(string table, string? session = null) =>
        await PostAsync($"DROP TABLE {table} SYNC", session ?? $"check-{Guid.NewGuid():N}").WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>
    /// A CSV body: 2.2 MB of rows (more than the endpoint's 1 MiB append chunk, so the engine has rows in hand), then
    /// <c>interrupt</c>, then more rows until the end (<paramref name="ends"/>) or until the request is cancelled.
    /// </summary>
    private sealed class CsvBody(Func<Task> interrupt, bool ends = false) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context,
            CancellationToken cancellationToken)
        {
            var rows = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},row{i}\n")));
            for (var i = 0; i < 20; i++)
                await stream.WriteAsync(rows, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await interrupt();
            if (!ends)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            for (var i = 0; i < 200; i++)
                await stream.WriteAsync(rows, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<string> PostAsync(string sql, string? session = null)
    {
        using var response = await http.PostAsync(Url(session is null ? "" : $"session_id={session}"), new ByteArrayContent(Encoding.UTF8.GetBytes(sql)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");

    public void Dispose() => http.Dispose();
}
