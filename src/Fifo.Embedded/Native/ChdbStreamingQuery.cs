namespace Fifo.Embedded.Native;

/// <summary>A streamed SELECT in progress on one connection. The connection runs nothing else until it is disposed.</summary>
internal sealed class ChdbStreamingQuery : IDisposable
{
    private readonly ChdbConnection connection;
    private readonly ChdbResult handle;
    private bool finished;
    private bool failed;

    public ChdbStreamingQuery(ChdbConnection connection, ChdbResult handle)
    {
        this.connection = connection;
        this.handle = handle;
    }

    /// <summary>The error of starting the stream (bad SQL, unknown table), or null.</summary>
    public string? StartError => handle.Error;

    /// <summary>The next chunk; an empty, error-free chunk means the end.</summary>
    public ChdbResult Fetch()
    {
        var chunk = new ChdbResult(connection.Library, connection.FetchStream(handle));
        if (chunk.Error is not null)
            failed = true;
        else if (chunk.Length == 0)
            finished = true;
        return chunk;
    }

    public void Dispose()
    {
        if (!finished && !failed && handle.Error is null)
            connection.CancelStream(handle);
        handle.Dispose();
        if (!finished)
            connection.ReleaseEndedStatement();
    }
}
