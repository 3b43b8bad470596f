using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Engine;

/// <summary>
/// Live sessions by id. A session's connection is closed after it has been idle for its timeout (session_timeout,
/// default 60 s as in ClickHouse); the engine's spare connection keeps the engine up meanwhile.
/// </summary>
internal sealed partial class SessionRegistry : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private const int MaxSessions = 64;

    private readonly ChdbEngine engine;
    private readonly ILogger logger;
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly Timer sweeper;

    public SessionRegistry(ChdbEngine engine, ILogger<SessionRegistry> logger)
    {
        this.engine = engine;
        this.logger = logger;
        sweeper = new Timer(_ => CloseIdleSessions(), null, SweepInterval, SweepInterval);
    }

    /// <summary>
    /// The session's connection, locked for this request; created on first use. A session busy with another request
    /// for longer than a few seconds answers SESSION_IS_LOCKED, as ClickHouse does.
    /// </summary>
    public async Task<Session> AcquireAsync(string id, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Session session;
        lock (sync)
        {
            if (!sessions.TryGetValue(id, out session!))
            {
                if (sessions.Count >= MaxSessions)
                    throw new ChdbQueryException(ErrorCodes.Format(ErrorCodes.TooManySimultaneousQueries, "TOO_MANY_SIMULTANEOUS_QUERIES",
                        $"Too many open sessions ({MaxSessions})"));
                session = new Session(id, engine.OpenConnection(), timeout ?? DefaultTimeout);
                sessions[id] = session;
                LogSessionOpened(id, session.Connection.Id);
            }
            // Counted before the lock is left, so the sweeper cannot close a session a request is about to use.
            session.Users++;
        }

        var entered = false;
        try
        {
            entered = await session.Gate.WaitAsync(LockWait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!entered)
                LeaveSession(session);
        }
        if (!entered)
            throw new ChdbQueryException(ErrorCodes.Format(ErrorCodes.SessionIsLocked, "SESSION_IS_LOCKED",
                $"Session {id} is locked by a concurrent client"));
        if (timeout is { } t)
            session.IdleTimeout = t;
        return session;
    }

    public void Release(Session session)
    {
        session.Gate.Release();
        LeaveSession(session);
    }

    private void LeaveSession(Session session)
    {
        lock (sync)
        {
            session.Users--;
            session.LastUsedUtc = DateTime.UtcNow;
        }
    }

    private void CloseIdleSessions()
    {
        List<Session> expired;
        lock (sync)
        {
            var now = DateTime.UtcNow;
            expired = sessions.Values.Where(s => s.Users == 0 && now - s.LastUsedUtc > s.IdleTimeout).ToList();
            foreach (var session in expired)
                sessions.Remove(session.Id);
        }
        foreach (var session in expired)
        {
            // Nobody holds it and it can no longer be found: closing it races with no request.
            LogSessionClosed(session.Id);
            session.Dispose();
        }
    }

    public void Dispose()
    {
        sweeper.Dispose();
        lock (sync)
        {
            foreach (var session in sessions.Values)
                session.Connection.Dispose();
            sessions.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} opened on chDB connection {ConnectionId}")]
    private partial void LogSessionOpened(string sessionId, int connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} closed after its idle timeout")]
    private partial void LogSessionClosed(string sessionId);
}
