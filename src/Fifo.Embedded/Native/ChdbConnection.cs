using System.Runtime.InteropServices;
using System.Text;

namespace Fifo.Embedded.Native;

/// <summary>
/// One chDB connection. It runs one statement at a time; callers serialize access (the pool leases it to one request).
/// Every method blocks in native code and must run off the request thread.
/// </summary>
internal sealed unsafe class ChdbConnection : IDisposable
{
    private readonly ChdbLibrary library;
    private nint* handlePointer;

    private ChdbConnection(ChdbLibrary library, nint* handlePointer)
    {
        this.library = library;
        this.handlePointer = handlePointer;
    }

    internal ChdbLibrary Library => library;

    private nint Handle => handlePointer == null
        ? throw new ObjectDisposedException(nameof(ChdbConnection))
        : *handlePointer;

    /// <summary>Opens a connection with clickhouse-local style arguments (e.g. "--path=DIR").</summary>
    public static ChdbConnection Open(ChdbLibrary library, IReadOnlyList<string> arguments)
    {
        using var strings = new NativeStrings();
        var argv = stackalloc byte*[arguments.Count + 1];
        argv[0] = (byte*)strings.Add("clickhouse").Pointer;
        for (var i = 0; i < arguments.Count; i++)
            argv[i + 1] = (byte*)strings.Add(arguments[i]).Pointer;
        var handle = library.Connect(arguments.Count + 1, argv);
        if (handle == null || *handle == 0)
            throw new ChdbLibraryException($"chdb_connect failed with arguments {string.Join(' ', arguments)}.");
        return new ChdbConnection(library, handle);
    }

    /// <summary>Runs a statement and materializes its whole answer.</summary>
    public ChdbResult Query(string sql, string format, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Query(Encoding.UTF8.GetBytes(sql), format, parameters);

    /// <summary>Runs a statement and materializes its whole answer; after an error the statement is released (see <see cref="ReleaseEndedStatement"/>).</summary>
    public ChdbResult Query(ReadOnlySpan<byte> sql, string format, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var result = Run(sql, format, parameters);
        if (result.Error is not null)
            ReleaseEndedStatement();
        return result;
    }

    private ChdbResult Run(ReadOnlySpan<byte> sql, string format, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var strings = new NativeStrings();
        var (query, queryLength) = strings.Add(sql);
        var (fmt, fmtLength) = strings.Add(format);
        nint result;
        if (parameters.Count == 0)
        {
            result = library.Query(Handle, (byte*)query, queryLength, (byte*)fmt, fmtLength);
        }
        else
        {
            var p = strings.AddParameters(parameters);
            result = library.QueryWithParams(Handle, (byte*)query, queryLength, (byte*)fmt, fmtLength,
                (byte**)p.Names, (nuint*)p.NameLengths, (byte**)p.Values, (nuint*)p.ValueLengths, p.Count);
        }
        return new ChdbResult(library, result);
    }

    /// <summary>Starts a streamed SELECT; chunks come from <see cref="ChdbStreamingQuery.Fetch"/>.</summary>
    public ChdbStreamingQuery StreamQuery(ReadOnlySpan<byte> sql, string format, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var strings = new NativeStrings();
        var (query, queryLength) = strings.Add(sql);
        var (fmt, fmtLength) = strings.Add(format);
        var p = strings.AddParameters(parameters);
        var result = library.StreamQueryWithParams(Handle, (byte*)query, queryLength, (byte*)fmt, fmtLength,
            (byte**)p.Names, (nuint*)p.NameLengths, (byte**)p.Values, (nuint*)p.ValueLengths, p.Count);
        return new ChdbStreamingQuery(this, new ChdbResult(library, result));
    }

    /// <summary>Starts a streamed INSERT ("INSERT INTO t (a, b)" without FORMAT); data goes in with Append.</summary>
    public ChdbInsertStream StreamInsert(ReadOnlySpan<byte> insertWithoutFormat, string format,
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var strings = new NativeStrings();
        var (query, queryLength) = strings.Add(insertWithoutFormat);
        var (fmt, fmtLength) = strings.Add(format);
        var p = strings.AddParameters(parameters);
        var stream = library.StreamInsertWithParams(Handle, (byte*)query, queryLength, (byte*)fmt, fmtLength,
            (byte**)p.Names, (nuint*)p.NameLengths, (byte**)p.Values, (nuint*)p.ValueLengths, p.Count);
        return new ChdbInsertStream(this, stream);
    }

    /// <summary>Parses without running: how many statements and what kind (see chdb_query_class).</summary>
    public ChdbQueryAnalysis Classify(ReadOnlySpan<byte> sql)
    {
        var analysis = new ChdbQueryAnalysis { StructSize = (uint)sizeof(ChdbQueryAnalysis) };
        fixed (byte* query = sql)
        {
            var state = library.ClassifyQuery(Handle, query, (nuint)sql.Length, null, 0, &analysis);
            if (state != 0)
                throw new InvalidOperationException("chdb_classify_query_n failed.");
        }
        return analysis;
    }

    internal void CancelStream(ChdbResult streamHandle) => library.StreamCancel(Handle, streamHandle.Handle);

    /// <summary>
    /// After a statement that was cancelled or ended in an error (a killed INSERT … SELECT, a stream given up): chDB
    /// keeps it on the connection, in system.processes and holding its table, until the connection runs its next
    /// statement. Until then KILL … SYNC would wait for it forever, and so would DROP TABLE … SYNC on another connection
    /// (HttpInterfaceTests: without this the abandoned and killed statements' tables cannot be dropped).
    /// </summary>
    internal void ReleaseEndedStatement()
    {
        // Closed under a lease only at shutdown; throwing here would hide the error being reported.
        if (handlePointer == null)
            return;
        using var release = Run("SELECT 1"u8, "TabSeparated", []);
    }

    internal nint FetchStream(ChdbResult streamHandle) => library.StreamFetch(Handle, streamHandle.Handle);

    public void Dispose()
    {
        if (handlePointer == null)
            return;
        library.CloseConnection(handlePointer);
        handlePointer = null;
    }
}
