using System.Runtime.InteropServices;

namespace Fifo.Embedded.Native;

/// <summary>
/// The entry points of libchdb.so (chdb.h of 26.7.3), resolved once from the configured path. Function pointers
/// instead of DllImport because the library's location is only known at run time.
/// </summary>
internal sealed unsafe class ChdbLibrary
{
    public const string FetchHint = "run scripts/fetch-chdb.sh (it downloads and verifies libchdb.so and prints its path), " +
                                    "or set Embedded:LibraryPath / FIFO_CHDB_LIBRARY to an existing libchdb.so";

    private ChdbLibrary(nint handle, string path)
    {
        Path = path;
        Version = (delegate* unmanaged<byte*>)Export(handle, "chdb_version");
        SetSignalHandlersEnabled = (delegate* unmanaged<int, void>)Export(handle, "chdb_set_signal_handlers_enabled");
        Connect = (delegate* unmanaged<int, byte**, nint*>)Export(handle, "chdb_connect");
        CloseConnection = (delegate* unmanaged<nint*, void>)Export(handle, "chdb_close_conn");
        Query = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export(handle, "chdb_query_n");
        QueryWithParams = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint>)
            Export(handle, "chdb_query_with_params_n");
        StreamQueryWithParams = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint>)
            Export(handle, "chdb_stream_query_with_params_n");
        StreamFetch = (delegate* unmanaged<nint, nint, nint>)Export(handle, "chdb_stream_fetch_result");
        StreamCancel = (delegate* unmanaged<nint, nint, void>)Export(handle, "chdb_stream_cancel_query");
        DestroyResult = (delegate* unmanaged<nint, void>)Export(handle, "chdb_destroy_query_result");
        StreamInsertWithParams = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint>)
            Export(handle, "chdb_stream_insert_with_params_n");
        StreamAppend = (delegate* unmanaged<nint, byte*, nuint, int>)Export(handle, "chdb_stream_append");
        StreamDone = (delegate* unmanaged<nint, nint>)Export(handle, "chdb_stream_done");
        StreamCancelInsert = (delegate* unmanaged<nint, void>)Export(handle, "chdb_stream_cancel_insert");
        StreamInsertError = (delegate* unmanaged<nint, byte*>)Export(handle, "chdb_stream_insert_error");
        DestroyInsertStream = (delegate* unmanaged<nint, void>)Export(handle, "chdb_destroy_insert_stream");
        ResultBuffer = (delegate* unmanaged<nint, byte*>)Export(handle, "chdb_result_buffer");
        ResultLength = (delegate* unmanaged<nint, nuint>)Export(handle, "chdb_result_length");
        ResultElapsed = (delegate* unmanaged<nint, double>)Export(handle, "chdb_result_elapsed");
        ResultRowsRead = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_rows_read");
        ResultBytesRead = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_bytes_read");
        ResultStorageRowsRead = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_storage_rows_read");
        ResultStorageBytesRead = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_storage_bytes_read");
        ResultRowsWritten = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_rows_written");
        ResultBytesWritten = (delegate* unmanaged<nint, ulong>)Export(handle, "chdb_result_bytes_written");
        ResultError = (delegate* unmanaged<nint, byte*>)Export(handle, "chdb_result_error");
        ClassifyQuery = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, ChdbQueryAnalysis*, int>)Export(handle, "chdb_classify_query_n");
    }

    public string Path { get; }

    public delegate* unmanaged<byte*> Version { get; }
    public delegate* unmanaged<int, void> SetSignalHandlersEnabled { get; }
    public delegate* unmanaged<int, byte**, nint*> Connect { get; }
    public delegate* unmanaged<nint*, void> CloseConnection { get; }
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> Query { get; }
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint> QueryWithParams { get; }
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint> StreamQueryWithParams { get; }
    public delegate* unmanaged<nint, nint, nint> StreamFetch { get; }
    public delegate* unmanaged<nint, nint, void> StreamCancel { get; }
    public delegate* unmanaged<nint, void> DestroyResult { get; }
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint> StreamInsertWithParams { get; }
    public delegate* unmanaged<nint, byte*, nuint, int> StreamAppend { get; }
    public delegate* unmanaged<nint, nint> StreamDone { get; }
    public delegate* unmanaged<nint, void> StreamCancelInsert { get; }
    public delegate* unmanaged<nint, byte*> StreamInsertError { get; }
    public delegate* unmanaged<nint, void> DestroyInsertStream { get; }
    public delegate* unmanaged<nint, byte*> ResultBuffer { get; }
    public delegate* unmanaged<nint, nuint> ResultLength { get; }
    public delegate* unmanaged<nint, double> ResultElapsed { get; }
    public delegate* unmanaged<nint, ulong> ResultRowsRead { get; }
    public delegate* unmanaged<nint, ulong> ResultBytesRead { get; }
    public delegate* unmanaged<nint, ulong> ResultStorageRowsRead { get; }
    public delegate* unmanaged<nint, ulong> ResultStorageBytesRead { get; }
    public delegate* unmanaged<nint, ulong> ResultRowsWritten { get; }
    public delegate* unmanaged<nint, ulong> ResultBytesWritten { get; }
    public delegate* unmanaged<nint, byte*> ResultError { get; }
    public delegate* unmanaged<nint, byte*, nuint, byte*, nuint, ChdbQueryAnalysis*, int> ClassifyQuery { get; }

    /// <summary>Loads the library; a missing or unloadable file gives a message that says how to get it.</summary>
    public static ChdbLibrary Load(string path)
    {
        if (!File.Exists(path))
            throw new ChdbLibraryException($"libchdb.so not found at '{path}': {FetchHint}.");
        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new ChdbLibraryException($"libchdb.so at '{path}' could not be loaded ({e.Message}): {FetchHint}.", e);
        }
        return new ChdbLibrary(handle, path);
    }

    public string GetVersion() => Marshal.PtrToStringUTF8((nint)Version()) ?? "";

    private static nint Export(nint handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new ChdbLibraryException($"libchdb.so does not export '{name}': it is not the 26.7 build this program needs; {FetchHint}.");
}
