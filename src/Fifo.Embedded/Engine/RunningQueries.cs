using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Engine;

/// <summary>
/// Queries running now, by the client's query_id. chDB gives each statement its own internal id, so every statement
/// is tagged with a leading comment; KILL QUERY (from a cancelled request or a client's own KILL QUERY) selects the
/// statement by that tag.
/// </summary>
internal sealed partial class RunningQueries(ChdbEngine engine, ILogger<RunningQueries> logger)
{
    private const string TagPrefix = "/* fifo-query:";
    private static readonly TimeSpan SyncKillWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, string> tagsByQueryId = new(StringComparer.Ordinal);

    /// <summary>Registers a query; false when a query with that id is already running.</summary>
    public bool TryStart(string queryId, out string tag)
    {
        tag = $"{TagPrefix}{Guid.NewGuid():N} */ ";
        return tagsByQueryId.TryAdd(queryId, tag);
    }

    public void Finish(string queryId) => tagsByQueryId.TryRemove(queryId, out _);

    public bool TryGetTag(string queryId, out string tag) => tagsByQueryId.TryGetValue(queryId, out tag!);

    /// <summary>The WHERE condition that selects the tagged statement in system.processes.</summary>
    public static string MatchCondition(string tag) => $"startsWith(query, {SqlLiteral.Quote(tag)})";

    /// <summary>Asks the engine to stop the statement (asynchronously: the statement's own call returns with code 394).</summary>
    public void Kill(string queryId, string tag)
    {
        try
        {
            engine.ExecuteOnSpare($"KILL QUERY WHERE {MatchCondition(tag)} ASYNC");
            LogKilled(queryId);
        }
        catch (ChdbQueryException e)
        {
            LogKillFailed(e, queryId);
        }
    }

    /// <summary>KILL … SYNC: waits until the tagged statement has left system.processes (at most half a minute).</summary>
    public async Task WaitUntilGoneAsync(EngineConnection connection, string tag, CancellationToken cancellationToken)
    {
        var sql = $"SELECT count() FROM system.processes WHERE {MatchCondition(tag)}";
        var deadline = DateTime.UtcNow + SyncKillWait;
        while (DateTime.UtcNow < deadline)
        {
            using (var result = connection.Native.Query(sql, "TabSeparated", []))
            {
                if (result.Error is not null || result.Data.SequenceEqual("0\n"u8))
                    return;
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Query {QueryId} cancelled by its client; KILL QUERY sent")]
    private partial void LogKilled(string queryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KILL QUERY for {QueryId} failed")]
    private partial void LogKillFailed(Exception exception, string queryId);
}
