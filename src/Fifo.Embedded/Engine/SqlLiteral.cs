using System.Text;

namespace Fifo.Embedded.Engine;

/// <summary>
/// Single-quoted string literals for SET statements. ClickHouse converts a string literal to the setting's type, the
/// same way it parses a setting given in the URL.
/// </summary>
internal static class SqlLiteral
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\'': sb.Append("\\'"); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('\'').ToString();
    }
}
