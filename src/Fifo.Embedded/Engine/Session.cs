namespace Fifo.Embedded.Engine;

/// <summary>
/// A client session (session_id): its own chDB connection, so temporary tables and SET survive between its requests.
/// One request at a time, like ClickHouse.
/// </summary>
internal sealed class Session(string id, EngineConnection connection, TimeSpan idleTimeout) : IDisposable
{
    public string Id { get; } = id;

    public EngineConnection Connection { get; } = connection;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public TimeSpan IdleTimeout { get; set; } = idleTimeout;

    public DateTime LastUsedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>Requests that hold or wait for the session; only a session with none can expire. Guarded by the registry.</summary>
    public int Users { get; set; }

    public void Dispose()
    {
        Connection.Dispose();
        Gate.Dispose();
    }
}
