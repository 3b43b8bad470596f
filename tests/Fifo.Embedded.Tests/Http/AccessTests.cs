using System.Net;
using System.Text;
using ClickHouse.Driver.ADO;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

/// <summary>
/// Only a request with the launch's secret runs SQL, and none from a web page: the engine listens on loopback,
/// where every local user and every page in a browser can reach it, and SQL can read any file the engine can.
/// </summary>
public sealed class AccessTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>, IDisposable
{
    private const string ReadsAFile = "SELECT * FROM file('/etc/hostname', 'LineAsString')";

    private readonly HttpClient anonymous = new();
    private readonly ClickHouseConnectionStringBuilder engine = new(db.ConnectionString);

    private Uri Root => new($"http://127.0.0.1:{engine.Port}/");

    [Fact]
    public async Task Request_without_credentials_is_refused()
    {
        using var response = await anonymous.PostAsync(Root, new StringContent(ReadsAFile));
        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Query_in_the_url_without_credentials_is_refused()
    {
        using var response = await anonymous.GetAsync(new Uri(Root, "?query=" + Uri.EscapeDataString(ReadsAFile)));
        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_as_basic_auth_and_as_clickhouse_headers()
    {
        using var basic = Post("SELECT 1");
        basic.Headers.Authorization = EngineHttpClient.BasicAuthorization("default", engine.Password + "x");
        using (var response = await anonymous.SendAsync(basic))
            await AssertRefusedAsync(response);

        using var headers = Post("SELECT 1");
        headers.Headers.Add("X-ClickHouse-User", "default");
        headers.Headers.Add("X-ClickHouse-Key", engine.Password[..^1]);
        using (var response = await anonymous.SendAsync(headers))
            await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Secret_with_another_user_is_refused()
    {
        using var request = Post("SELECT 1");
        request.Headers.Authorization = EngineHttpClient.BasicAuthorization("admin", engine.Password);
        using var response = await anonymous.SendAsync(request);
        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Secret_is_accepted_as_basic_auth_and_as_clickhouse_headers()
    {
        using var basic = Post("SELECT 41 + 1");
        basic.Headers.Authorization = EngineHttpClient.BasicAuthorization("default", engine.Password);
        using (var response = await anonymous.SendAsync(basic))
            Assert.Equal("42\n", await response.Content.ReadAsStringAsync());

        using var headers = Post("SELECT 41 + 1");
        headers.Headers.Add("X-ClickHouse-User", "default");
        headers.Headers.Add("X-ClickHouse-Key", engine.Password);
        using (var response = await anonymous.SendAsync(headers))
            Assert.Equal("42\n", await response.Content.ReadAsStringAsync());
    }

    /// <summary>What a page in a browser sends cross-site without a preflight; refused even with the secret.</summary>
    [Fact]
    public async Task Request_from_a_web_page_is_refused_even_with_the_secret()
    {
        using var request = Post("SELECT 1");
        request.Headers.Authorization = EngineHttpClient.BasicAuthorization("default", engine.Password);
        request.Headers.Add("Origin", "https://attacker.example");
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("497", Header(response, "X-ClickHouse-Exception-Code"));
        Assert.StartsWith("Code: 497. DB::Exception: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_needs_no_credentials_like_on_a_clickhouse_server()
    {
        Assert.Equal("Ok.\n", await anonymous.GetStringAsync(new Uri(Root, "ping")));
    }

    private HttpRequestMessage Post(string sql) =>
        new(HttpMethod.Post, Root) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(sql)) };

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("516", Header(response, "X-ClickHouse-Exception-Code"));
        Assert.StartsWith("Code: 516. DB::Exception: default: Authentication failed", body, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");

    public void Dispose() => anonymous.Dispose();
}
