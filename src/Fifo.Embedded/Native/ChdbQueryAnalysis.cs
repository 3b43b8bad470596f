using System.Runtime.InteropServices;

namespace Fifo.Embedded.Native;

/// <summary>chdb_query_analysis_v1: what chdb_classify_query_n reports about a statement without running it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ChdbQueryAnalysis
{
    public uint StructSize;
    public uint StatementCount;
    public uint Flags;
    public uint QueryClass;
}
