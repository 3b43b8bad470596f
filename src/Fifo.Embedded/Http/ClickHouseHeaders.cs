using System.Globalization;
using System.Text;
using Fifo.Embedded.Native;

namespace Fifo.Embedded.Http;

/// <summary>The X-ClickHouse-* response headers, written as ClickHouse 26 writes them.</summary>
internal static class ClickHouseHeaders
{
    public const string QueryId = "X-ClickHouse-Query-Id";
    public const string Summary = "X-ClickHouse-Summary";
    public const string Timezone = "X-ClickHouse-Timezone";
    public const string Format = "X-ClickHouse-Format";
    public const string ExceptionCode = "X-ClickHouse-Exception-Code";
    public const string ExceptionTag = "X-ClickHouse-Exception-Tag";
    public const string ServerDisplayName = "X-ClickHouse-Server-Display-Name";

    /// <summary>The JSON counters; numbers as strings, like ClickHouse.</summary>
    public static string FormatSummary(QueryCounters counters)
    {
        var sb = new StringBuilder(256).Append('{');
        Append(sb, "read_rows", counters.RowsRead, first: true);
        Append(sb, "read_bytes", counters.BytesRead);
        Append(sb, "written_rows", counters.RowsWritten);
        Append(sb, "written_bytes", counters.BytesWritten);
        Append(sb, "total_rows_to_read", counters.RowsRead);
        Append(sb, "result_rows", counters.ResultRows);
        Append(sb, "result_bytes", counters.ResultBytes);
        Append(sb, "elapsed_ns", (ulong)(counters.Elapsed.Ticks * 100));
        return sb.Append('}').ToString();
    }

    /// <summary>16 random lower-case letters, the token that brackets an error written into a started answer.</summary>
    public static string NewExceptionTag()
    {
        Span<char> tag = stackalloc char[16];
        for (var i = 0; i < tag.Length; i++)
            tag[i] = (char)('a' + Random.Shared.Next(26));
        return new string(tag);
    }

    private static void Append(StringBuilder sb, string name, ulong value, bool first = false)
    {
        if (!first)
            sb.Append(',');
        sb.Append('"').Append(name).Append("\":\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
    }
}
