using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Embedded.Tests.Http;

public sealed class PingTests(ClickHouseTestDatabase db) : IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task Driver_ping_succeeds()
    {
        using var client = new ClickHouseClient(db.ConnectionString);
        Assert.True(await client.PingAsync());
    }

    [Fact]
    public async Task Ping_answers_ok_like_clickhouse()
    {
        var builder = new ClickHouseConnectionStringBuilder(db.ConnectionString);
        using var http = new HttpClient();
        Assert.Equal("Ok.\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{builder.Port}/ping")));
    }
}
