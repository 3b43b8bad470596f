using System.Text;
using Fifo.Embedded.Engine;
using Fifo.Embedded.Native;
using Fifo.Embedded.Sql;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Http;

/// <summary>
/// ClickHouse's HTTP interface (POST / and GET /) over chDB: reads the statement, leases a connection, runs it the
/// way its kind needs (streamed insert, streamed select, or whole), and answers like a ClickHouse 26 server.
/// </summary>
internal sealed partial class QueryEndpoint(
    ChdbEngine engine,
    SessionRegistry sessions,
    RunningQueries running,
    ILogger<QueryEndpoint> logger)
{
    private const int AppendChunkBytes = 1 << 20;
    /// <summary>Answers up to this size are held back until complete, so their errors still get an HTTP status.</summary>
    private const int HeldBackBytes = 1 << 20;
    private const uint ReadOnlyClass = 0;
    private const uint ControlClass = 3;

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var request = context.Request;
        // Only multipart is form mode in ClickHouse; a urlencoded content type on a raw SQL body (curl's default) is not.
        IFormCollection? form = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            ? await request.ReadFormAsync(aborted).ConfigureAwait(false)
            : null;
        var query = QueryRequestParser.Parse(request.Query, form, HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        var coding = query.EnableHttpCompression ? ContentCoding.ChooseResponseCoding(request.Headers.AcceptEncoding) : null;
        await using var response = new QueryResponse(context, query.QueryId, coding);

        try
        {
            var body = form is null && HttpMethods.IsPost(request.Method)
                ? ContentCoding.DecodeRequestBody(request.Body, request.Headers.ContentEncoding)
                : null;
            var statement = await StatementSource.ReadAsync(query.QueryParameter, body, aborted).ConfigureAwait(false);
            if (!running.TryStart(query.QueryId, out var tag))
            {
                await response.FailAsync(ErrorCodes.Format(ErrorCodes.QueryWithSameIdIsAlreadyRunning, "QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING",
                    $"Query with id = {query.QueryId} is already running")).ConfigureAwait(false);
                return;
            }
            try
            {
                using var lease = await ConnectionLease.AcquireAsync(engine.Pool, sessions, query.SessionId, query.SessionTimeout, aborted)
                    .ConfigureAwait(false);
                // A client that gives up (cancelled token, closed connection) must not leave its statement running.
                await using var onAbort = aborted.Register(() => Task.Run(() => running.Kill(query.QueryId, tag)));
                if (statement.IsInsertWithRows)
                    await InsertAsync(query, statement, tag, lease, response, aborted).ConfigureAwait(false);
                else
                    await RunStatementAsync(query, statement.Text, tag, lease, response, aborted).ConfigureAwait(false);
            }
            finally
            {
                running.Finish(query.QueryId);
            }
        }
        catch (ChdbQueryException e)
        {
            LogQueryFailed(query.QueryId, e.Code, e.Message);
            await FailQuietlyAsync(response, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (aborted.IsCancellationRequested && e is OperationCanceledException or IOException
                                      or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            LogClientGone(query.QueryId);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A body that does not decompress, or one that ends early.
            LogQueryFailed(query.QueryId, ErrorCodes.CannotDecompress, e.Message);
            await FailQuietlyAsync(response, ErrorCodes.Format(ErrorCodes.CannotDecompress, "CANNOT_DECOMPRESS",
                $"Cannot read the request body: {e.Message}")).ConfigureAwait(false);
        }
    }

    private async Task InsertAsync(QueryRequest query, StatementSource statement, string tag, ConnectionLease lease,
        QueryResponse response, CancellationToken aborted)
    {
        var connection = lease.Connection;
        await Task.Run(() => connection.Prepare(query.Database, query.Settings), CancellationToken.None).ConfigureAwait(false);
        var insert = Concat(tag, statement.InsertStatement.Span);
        // Disposed on a pool thread: a stream that did not complete is cancelled and released inside chDB.
        var stream = await Task.Run(() => connection.Native.StreamInsert(insert, statement.Split.Format, query.Parameters),
            CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (stream.Error is { } startError)
            {
                await response.FailAsync(startError).ConfigureAwait(false);
                return;
            }

            var ok = statement.FirstRows.IsEmpty || stream.Append(statement.FirstRows.Span);
            var buffer = new byte[AppendChunkBytes];
            while (ok)
            {
                var filled = await FillAsync(statement.Rows!, buffer, aborted).ConfigureAwait(false);
                if (filled == 0)
                    break;
                ok = stream.Append(buffer.AsSpan(0, filled));
            }

            using var result = await Task.Run(stream.Complete, CancellationToken.None).ConfigureAwait(false);
            var error = result.Error ?? stream.Error;
            if (error is not null)
            {
                await response.FailAsync(error).ConfigureAwait(false);
                return;
            }
            LogInserted(query.QueryId, result.Counters.RowsWritten, result.Counters.Elapsed.TotalMilliseconds);
            await response.StartAsync(null, result.Counters, contentLength: 0).ConfigureAwait(false);
        }
        finally
        {
            await Task.Run(stream.Dispose, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunStatementAsync(QueryRequest query, ReadOnlyMemory<byte> text, string tag, ConnectionLease lease,
        QueryResponse response, CancellationToken aborted)
    {
        if (StatementText.IsBlank(text.Span))
        {
            await response.FailAsync(ErrorCodes.Format(ErrorCodes.SyntaxError, "SYNTAX_ERROR", "Empty query")).ConfigureAwait(false);
            return;
        }
        var connection = lease.Connection;
        var analysis = connection.Native.Classify(text.Span);
        if (analysis.StatementCount > 1)
        {
            await response.FailAsync(ErrorCodes.Format(ErrorCodes.SyntaxError, "SYNTAX_ERROR",
                "Multi-statements are not allowed")).ConfigureAwait(false);
            return;
        }

        var isControl = analysis.QueryClass == ControlClass;
        var sql = Encoding.UTF8.GetString(text.Span);
        string? killedTag = null;
        if (isControl && KillQueryRewriter.TryRewrite(sql, query.Parameters, running, out killedTag) is { } kill)
            sql = kill;
        // A session's SET must become its baseline, so it runs without this request's URL settings around it.
        var settings = isControl && lease.IsSession ? new Dictionary<string, string>() : query.Settings;
        await Task.Run(() => connection.Prepare(query.Database, settings), CancellationToken.None).ConfigureAwait(false);

        var format = OutputFormat.Of(StatementText.OutputFormat(text.Span) ?? query.DefaultFormat);
        var tagged = Concat(tag, Encoding.UTF8.GetBytes(sql));
        if (analysis.QueryClass == ReadOnlyClass && format.Streamable
            && await TryStreamAsync(query, tagged, format, connection, response).ConfigureAwait(false))
            return;

        using var result = await Task.Run(() => connection.Native.Query(tagged, query.DefaultFormat, query.Parameters),
            CancellationToken.None).ConfigureAwait(false);
        if (isControl)
        {
            await Task.Run(lease.IsSession ? connection.AdoptCurrentStateAsBaseline : connection.ForgetStatementState,
                CancellationToken.None).ConfigureAwait(false);
            if (killedTag is not null && result.Error is null)
                await running.WaitUntilGoneAsync(connection, killedTag, aborted).ConfigureAwait(false);
        }
        if (result.Error is { } error)
        {
            LogQueryFailed(query.QueryId, ErrorCodes.Parse(error), error);
            await response.FailAsync(error).ConfigureAwait(false);
            return;
        }
        var data = result.Data.ToArray();
        LogQueryDone(query.QueryId, data.Length, result.Counters.Elapsed.TotalMilliseconds);
        await response.StartAsync(data.Length == 0 ? null : format, result.Counters, data.Length).ConfigureAwait(false);
        if (data.Length > 0)
            await response.WriteAsync(data).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a SELECT chunk by chunk. False when chDB cannot stream this statement (SHOW, DESCRIBE, ...): the
    /// caller runs it whole. The first megabyte is held back, so small answers go out complete with a correct status.
    /// </summary>
    private async Task<bool> TryStreamAsync(QueryRequest query, byte[] sql, OutputFormat format, EngineConnection connection,
        QueryResponse response)
    {
        using var stream = await Task.Run(() => connection.Native.StreamQuery(sql, query.DefaultFormat, query.Parameters),
            CancellationToken.None).ConfigureAwait(false);
        if (stream.StartError is { } startError)
        {
            if (ErrorCodes.Parse(startError) == ErrorCodes.StreamingNotSupported && startError.Contains("Streaming query is not supported", StringComparison.Ordinal))
                return false;
            await response.FailAsync(startError).ConfigureAwait(false);
            return true;
        }

        var stripper = new ChunkHeaderStripper(format.Header);
        var heldBack = new List<byte[]>();
        var heldBackBytes = 0L;
        var counters = default(QueryCounters);
        var holdBackLimit = query.WaitEndOfQuery ? long.MaxValue : HeldBackBytes;
        while (true)
        {
            using var chunk = await Task.Run(stream.Fetch, CancellationToken.None).ConfigureAwait(false);
            if (chunk.Error is { } error)
            {
                LogQueryFailed(query.QueryId, ErrorCodes.Parse(error), error);
                if (response.Started)
                    LogMidStreamError(query.QueryId);
                await response.FailAsync(error).ConfigureAwait(false);
                return true;
            }
            if (chunk.Length == 0)
                break;
            counters += chunk.Counters;
            var data = stripper.Strip(chunk.Data).ToArray();
            if (!response.Started)
            {
                heldBack.Add(data);
                heldBackBytes += data.Length;
                if (heldBackBytes < holdBackLimit)
                    continue;
                await response.StartAsync(format, counters, contentLength: null).ConfigureAwait(false);
                foreach (var part in heldBack)
                    await response.WriteAsync(part).ConfigureAwait(false);
                heldBack.Clear();
                continue;
            }
            await response.WriteAsync(data).ConfigureAwait(false);
        }

        if (!response.Started)
        {
            LogQueryDone(query.QueryId, heldBackBytes, counters.Elapsed.TotalMilliseconds);
            await response.StartAsync(format, counters, heldBackBytes).ConfigureAwait(false);
            foreach (var part in heldBack)
                await response.WriteAsync(part).ConfigureAwait(false);
        }
        return true;
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            filled += read;
        }
        return filled;
    }

    private static byte[] Concat(string tag, ReadOnlySpan<byte> statement)
    {
        var tagBytes = Encoding.UTF8.GetBytes(tag);
        var result = new byte[tagBytes.Length + statement.Length];
        tagBytes.CopyTo(result, 0);
        statement.CopyTo(result.AsSpan(tagBytes.Length));
        return result;
    }

    private static async Task FailQuietlyAsync(QueryResponse response, string error)
    {
        try
        {
            await response.FailAsync(error).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client is gone; there is nobody to tell.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} answered {Bytes} bytes in {ElapsedMs} ms")]
    private partial void LogQueryDone(string queryId, long bytes, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} inserted {Rows} rows in {ElapsedMs} ms")]
    private partial void LogInserted(string queryId, ulong rows, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} failed with code {Code}: {Error}")]
    private partial void LogQueryFailed(string queryId, int code, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query {QueryId} failed after its answer started; sent the in-band exception block")]
    private partial void LogMidStreamError(string queryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId}: the client went away")]
    private partial void LogClientGone(string queryId);
}
