using ClickHouse.Driver.ADO;
using Fifo.ClickHouse.Connection;

namespace Fifo.Embedded;

/// <summary>A ClickHouse server (or ClickHouse Cloud) named by ClickHouse:ConnectionString.</summary>
public sealed class ServerEndpoint : IClickHouseEndpoint
{
    private readonly string connectionString;

    public ServerEndpoint(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new ClickHouseConnectionStringBuilder { ConnectionString = connectionString };
        this.connectionString = connectionString;
        Description = $"server {builder.Protocol}://{builder.Host}:{builder.Port}";
    }

    public string Description { get; }

    public bool IsEmbedded => false;

    public ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(connectionString);
}
