using System.Globalization;
using System.Net;
using System.Text;
using Fifo.Embedded.Engine;
using Fifo.Embedded.Native;
using Microsoft.AspNetCore.Http;

namespace Fifo.Embedded.Http;

/// <summary>
/// The answer to one request: headers, optional compression, the body, and errors, either as a proper HTTP error
/// (before the body started) or as ClickHouse's in-band exception block (after).
/// </summary>
internal sealed class QueryResponse(HttpContext context, string queryId, string? coding) : IAsyncDisposable
{
    private readonly string exceptionTag = ClickHouseHeaders.NewExceptionTag();
    private Stream? body;
    private bool cut;

    public bool Started => context.Response.HasStarted;

    /// <summary>Sends status and headers; the body follows with <see cref="WriteAsync"/>.</summary>
    public Task StartAsync(OutputFormat? format, QueryCounters counters, long? contentLength)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        SetCommonHeaders(response);
        response.Headers[ClickHouseHeaders.Summary] = ClickHouseHeaders.FormatSummary(counters);
        if (format is not null)
        {
            response.Headers[ClickHouseHeaders.Format] = format.Name;
            response.ContentType = format.ContentType;
        }
        if (coding is not null && contentLength != 0)
        {
            response.Headers.ContentEncoding = coding;
            body = ContentCoding.EncodeResponse(response.Body, coding);
        }
        else
        {
            response.ContentLength = contentLength;
            body = response.Body;
        }
        return response.StartAsync(context.RequestAborted);
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data) =>
        (body ?? throw new InvalidOperationException("The response was not started.")).WriteAsync(data, context.RequestAborted);

    /// <summary>
    /// An error before any byte of the answer: the status ClickHouse would give, the text as the body, the code in
    /// X-ClickHouse-Exception-Code. After the answer started: the in-band block, then the connection is cut so the
    /// client cannot take the truncated answer for a whole one.
    /// </summary>
    public async Task FailAsync(string error)
    {
        var code = ErrorCodes.Parse(error);
        var text = error.EndsWith('\n') ? error : error + "\n";
        if (!context.Response.HasStarted)
        {
            SetCommonHeaders(context.Response);
            await WriteErrorAsync(context, ErrorCodes.ToHttpStatus(code), code, text).ConfigureAwait(false);
            return;
        }

        // __exception__\r\n<tag>\r\n<message>\n<length> <tag>\r\n__exception__\r\n, as ClickHouse 25.11+ writes it.
        var message = text.TrimEnd('\n');
        var block = $"\r\n__exception__\r\n{exceptionTag}\r\n{message}\n{Encoding.UTF8.GetByteCount(message)} {exceptionTag}\r\n__exception__\r\n";
        await WriteAsync(Encoding.UTF8.GetBytes(block)).ConfigureAwait(false);
        await body!.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        // An exception out of a started response makes Kestrel close the connection without the final chunk, after
        // sending what was written: the client reads the block, then "response ended prematurely". Aborting instead
        // would reset the connection and lose the block. The compressed frame stays unfinished too: a finished frame
        // lets an LZ4 reader stop at its end mark, never reaching the cut, and take the answer for complete.
        cut = true;
        throw new AnswerCutAfterErrorException(code);
    }

    /// <summary>An error as the whole answer, as ClickHouse sends one: the status, the code in X-ClickHouse-Exception-Code, the text.</summary>
    public static Task WriteErrorAsync(HttpContext context, HttpStatusCode status, int code, string text)
    {
        var response = context.Response;
        response.StatusCode = (int)status;
        response.Headers[ClickHouseHeaders.ExceptionCode] = code.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=UTF-8";
        return response.WriteAsync(text.EndsWith('\n') ? text : text + "\n", context.RequestAborted);
    }

    private void SetCommonHeaders(HttpResponse response)
    {
        response.Headers[ClickHouseHeaders.QueryId] = queryId;
        response.Headers[ClickHouseHeaders.Timezone] = "UTC";
        response.Headers[ClickHouseHeaders.ExceptionTag] = exceptionTag;
        response.Headers[ClickHouseHeaders.ServerDisplayName] = "fifo-clickhouse";
    }

    /// <summary>Finishes the compressed stream (its trailer) when there is one, unless the answer was cut.</summary>
    public async ValueTask DisposeAsync()
    {
        if (body is not null && !cut && !ReferenceEquals(body, context.Response.Body))
        {
            try
            {
                await body.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the connection was cut after an in-band error; nothing left to finish.
            }
        }
    }
}
