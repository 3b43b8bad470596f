using System.Runtime.InteropServices;

namespace Fifo.Embedded.Native;

/// <summary>
/// A streamed INSERT: data is appended in chunks, then committed with <see cref="Complete"/>. Disposing it without a
/// successful <see cref="Complete"/> cancels it: nothing is written.
/// </summary>
internal sealed unsafe class ChdbInsertStream : IDisposable
{
    private readonly ChdbConnection connection;
    private nint handle;
    private bool completed;
    private bool succeeded;

    public ChdbInsertStream(ChdbConnection connection, nint handle)
    {
        if (handle == 0)
            throw new InvalidOperationException("chDB returned no insert stream handle.");
        this.connection = connection;
        this.handle = handle;
    }

    public string? Error
    {
        get
        {
            var error = connection.Library.StreamInsertError(handle);
            return error == null ? null : Marshal.PtrToStringUTF8((nint)error);
        }
    }

    /// <summary>Pushes one chunk; false when the stream has failed (see <see cref="Error"/>).</summary>
    public bool Append(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            return connection.Library.StreamAppend(handle, p, (nuint)data.Length) == 0;
    }

    /// <summary>Signals end of input and commits; the result carries the written counters or the error.</summary>
    public ChdbResult Complete()
    {
        var result = new ChdbResult(connection.Library, connection.Library.StreamDone(handle));
        completed = true;
        succeeded = result.Error is null && Error is null;
        return result;
    }

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h == 0)
            return;
        if (!completed)
            connection.Library.StreamCancelInsert(h);
        connection.Library.DestroyInsertStream(h);
        if (!succeeded)
            connection.ReleaseEndedStatement();
    }
}
