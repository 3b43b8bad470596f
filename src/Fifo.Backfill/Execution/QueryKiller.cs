using Dapper;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Sql;
using Microsoft.Extensions.Logging;

namespace Fifo.Backfill.Execution;

/// <summary>
/// Stops a batch query the client gave up on: a pause or cancel, a client timeout, a dropped connection. Cancelling
/// the request makes the driver drop the HTTP call; whether the server then stops the query is up to the server (an
/// INSERT … SELECT goes on), so KILL QUERY by query_id makes sure.
/// </summary>
internal sealed partial class QueryKiller(
    ClickHouseConnectionFactory connections,
    SqlScripts scripts,
    ILogger<QueryKiller> logger)
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);

    public async Task KillAsync(string queryId)
    {
        using var timeout = new CancellationTokenSource(KillTimeout);
        try
        {
            await using var connection = await connections.OpenAsync(timeout.Token);
            await connection.ExecuteAsync(new CommandDefinition(
                scripts.Get("Backfill/kill_query.sql"), QueryParameters.From(new { queryId }), cancellationToken: timeout.Token));
            LogKilled(queryId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: the query may have finished already, or the server may be gone with it.
            LogKillFailed(e, queryId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "KILL QUERY sent for {QueryId}")]
    private partial void LogKilled(string queryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KILL QUERY for {QueryId} failed")]
    private partial void LogKillFailed(Exception exception, string queryId);
}
