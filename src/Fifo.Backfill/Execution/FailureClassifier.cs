using System.Collections.Frozen;
using System.Net.Http;
using System.Net.Sockets;
using ClickHouse.Driver;
using Fifo.ClickHouse.Engine;

namespace Fifo.Backfill.Execution;

/// <summary>
/// Sorts batch failures into retry, split or give up. ClickHouse errors are sorted by their code; transport errors
/// (no answer, connection reset) are transient; the client's own timeout calls for a split. Anything else — SQL
/// errors, a missing table, a payout the engine cannot parse — is permanent: the same query would fail the same way.
/// </summary>
public static class FailureClassifier
{
    /// <summary>The batch asked for more than the server allows; a smaller batch asks for less.</summary>
    private static readonly FrozenSet<int> TooBigCodes = FrozenSet.Create(
        241, // MEMORY_LIMIT_EXCEEDED
        173, // CANNOT_ALLOCATE_MEMORY
        159, // TIMEOUT_EXCEEDED: max_execution_time hit; half the wallets take about half the time
        158, // TOO_MANY_ROWS
        307, // TOO_MANY_BYTES
        396  // TOO_MANY_ROWS_OR_BYTES
    );

    /// <summary>The server or the way to it was in trouble, not the query.</summary>
    private static readonly FrozenSet<int> TransientCodes = FrozenSet.Create(
        3,   // UNEXPECTED_END_OF_FILE (connection cut)
        32,  // ATTEMPT_TO_READ_AFTER_EOF
        202, // TOO_MANY_SIMULTANEOUS_QUERIES
        203, // NO_FREE_CONNECTION
        209, // SOCKET_TIMEOUT
        210, // NETWORK_ERROR
        216, // QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING (an abandoned attempt still winding down)
        236, // ABORTED
        242, // TABLE_IS_READ_ONLY (replica lost its keeper session)
        252, // TOO_MANY_PARTS (inserts faster than merges; waiting helps)
        285, // TOO_FEW_LIVE_REPLICAS
        319, // UNKNOWN_STATUS_OF_INSERT
        394, // QUERY_WAS_CANCELLED by someone else (an operator's KILL QUERY, a server shutdown)
        425, // SYSTEM_ERROR
        439, // CANNOT_SCHEDULE_TASK
        999  // KEEPER_EXCEPTION
    );

    public static FailureKind Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ClickHouseServerException server:
                    return TooBigCodes.Contains(server.ErrorCode) ? FailureKind.TooBig
                        : TransientCodes.Contains(server.ErrorCode) ? FailureKind.Transient
                        : FailureKind.Permanent;
                case HttpRequestException or SocketException or IOException or TimeoutException:
                    return FailureKind.Transient;
                // Fills arrived while a whale's batch ran; the next attempt sees them from its start.
                case WalletFillsChangedException:
                    return FailureKind.Transient;
                // HttpClient's own timeout (ClickHouse:QueryTimeout; a cancellation we asked for never gets here, the
                // caller checks first). The batch ran that long without an answer, so the same batch again would most
                // likely take as long again: it is split, like one that hit max_execution_time (TIMEOUT_EXCEEDED),
                // after its query is killed (see MayStillRun). Simpler than requiring QueryTimeout to exceed
                // max_execution_time: the server's limit may be unset or come from a profile we cannot see.
                case TaskCanceledException:
                    return FailureKind.TooBig;
            }
        }
        return FailureKind.Permanent;
    }

    /// <summary>
    /// Whether the failed query may still be running on the server: the server did not report how it ended (the
    /// client timed out, the connection dropped), so an INSERT … SELECT may go on next to a retry unless it is killed.
    /// </summary>
    public static bool MayStillRun(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ClickHouseServerException or WalletFillsChangedException)
                return false;
        }
        return true;
    }
}
