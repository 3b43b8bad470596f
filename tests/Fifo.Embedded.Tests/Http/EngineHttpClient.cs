using System.Net.Http.Headers;
using System.Text;
using ClickHouse.Driver.ADO;

namespace Fifo.Embedded.Tests.Http;

/// <summary>A plain HttpClient for the engine's HTTP interface, sending the engine's secret as curl -u would.</summary>
internal static class EngineHttpClient
{
    public static HttpClient For(string connectionString)
    {
        var builder = new ClickHouseConnectionStringBuilder(connectionString);
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = BasicAuthorization(builder.Username, builder.Password);
        return http;
    }

    public static AuthenticationHeaderValue BasicAuthorization(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
