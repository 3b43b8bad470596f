namespace Fifo.Embedded.Engine;

/// <summary>A connection held by one request: a pooled one, or a session's own.</summary>
internal sealed class ConnectionLease : IDisposable
{
    private readonly Action release;
    private int released;

    private ConnectionLease(EngineConnection connection, bool isSession, Action release)
    {
        Connection = connection;
        IsSession = isSession;
        this.release = release;
    }

    public EngineConnection Connection { get; }

    /// <summary>SET and USE last beyond the request only in a session.</summary>
    public bool IsSession { get; }

    public static async Task<ConnectionLease> AcquireAsync(ConnectionPool pool, SessionRegistry sessions, string? sessionId,
        TimeSpan? sessionTimeout, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            var connection = await pool.RentAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionLease(connection, isSession: false, () => pool.Return(connection));
        }
        var session = await sessions.AcquireAsync(sessionId, sessionTimeout, cancellationToken).ConfigureAwait(false);
        return new ConnectionLease(session.Connection, isSession: true, () => sessions.Release(session));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
            release();
    }
}
