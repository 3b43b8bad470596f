using System.Collections.Concurrent;

namespace Fifo.Embedded.Engine;

/// <summary>Leases chDB connections to requests, one request per connection at a time.</summary>
internal sealed class ConnectionPool : IDisposable
{
    private readonly ConcurrentStack<EngineConnection> idle;
    private readonly SemaphoreSlim available;
    private readonly IReadOnlyList<EngineConnection> all;

    public ConnectionPool(IReadOnlyList<EngineConnection> connections)
    {
        all = connections;
        idle = new ConcurrentStack<EngineConnection>(connections);
        available = new SemaphoreSlim(connections.Count, connections.Count);
    }

    public async Task<EngineConnection> RentAsync(CancellationToken cancellationToken)
    {
        await available.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!idle.TryPop(out var connection))
            throw new InvalidOperationException("Connection pool bookkeeping is broken: a slot was free but no connection was idle.");
        return connection;
    }

    public void Return(EngineConnection connection)
    {
        idle.Push(connection);
        available.Release();
    }

    public void Dispose()
    {
        foreach (var connection in all)
            connection.Dispose();
        available.Dispose();
    }
}
