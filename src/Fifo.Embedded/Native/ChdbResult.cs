using System.Runtime.InteropServices;

namespace Fifo.Embedded.Native;

/// <summary>One chdb_result: a whole answer, one chunk of a streamed answer, or the outcome of an insert stream.</summary>
internal sealed unsafe class ChdbResult : IDisposable
{
    private readonly ChdbLibrary library;
    private nint handle;

    public ChdbResult(ChdbLibrary library, nint handle)
    {
        if (handle == 0)
            throw new InvalidOperationException("chDB returned no result handle.");
        this.library = library;
        this.handle = handle;
    }

    internal nint Handle => handle;

    /// <summary>The error text (already "Code: N. DB::Exception: ..."), or null.</summary>
    public string? Error
    {
        get
        {
            var error = library.ResultError(handle);
            return error == null ? null : Marshal.PtrToStringUTF8((nint)error);
        }
    }

    public ReadOnlySpan<byte> Data
    {
        get
        {
            var buffer = library.ResultBuffer(handle);
            var length = library.ResultLength(handle);
            return buffer == null || length == 0 ? default : new ReadOnlySpan<byte>(buffer, checked((int)length));
        }
    }

    public int Length => checked((int)library.ResultLength(handle));

    public QueryCounters Counters => new(
        RowsRead: library.ResultStorageRowsRead(handle),
        BytesRead: library.ResultStorageBytesRead(handle),
        RowsWritten: library.ResultRowsWritten(handle),
        BytesWritten: library.ResultBytesWritten(handle),
        ResultRows: library.ResultRowsRead(handle),
        ResultBytes: library.ResultBytesRead(handle),
        Elapsed: TimeSpan.FromSeconds(library.ResultElapsed(handle)));

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h != 0)
            library.DestroyResult(h);
    }
}
