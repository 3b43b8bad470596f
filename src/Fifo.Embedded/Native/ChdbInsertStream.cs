using System.Runtime.InteropServices;

namespace Fifo.Embedded.Native;

/// <summary>A streamed INSERT: data is appended in chunks, then committed with <see cref="Complete"/>.</summary>
internal sealed unsafe class ChdbInsertStream : IDisposable
{
    private readonly ChdbLibrary library;
    private nint handle;

    public ChdbInsertStream(ChdbLibrary library, nint handle)
    {
        if (handle == 0)
            throw new InvalidOperationException("chDB returned no insert stream handle.");
        this.library = library;
        this.handle = handle;
    }

    public string? Error
    {
        get
        {
            var error = library.StreamInsertError(handle);
            return error == null ? null : Marshal.PtrToStringUTF8((nint)error);
        }
    }

    /// <summary>Pushes one chunk; false when the stream has failed (see <see cref="Error"/>).</summary>
    public bool Append(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            return library.StreamAppend(handle, p, (nuint)data.Length) == 0;
    }

    /// <summary>Signals end of input and commits; the result carries the written counters or the error.</summary>
    public ChdbResult Complete() => new(library, library.StreamDone(handle));

    public void Cancel() => library.StreamCancelInsert(handle);

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h != 0)
            library.DestroyInsertStream(h);
    }
}
