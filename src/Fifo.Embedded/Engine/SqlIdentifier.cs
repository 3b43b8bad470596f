using System.Text;

namespace Fifo.Embedded.Engine;

/// <summary>Back-quoted identifiers for the few statements the engine writes itself (USE, SET, KILL).</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name)
    {
        var sb = new StringBuilder(name.Length + 2).Append('`');
        foreach (var c in name)
        {
            if (c is '`' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('`').ToString();
    }
}
