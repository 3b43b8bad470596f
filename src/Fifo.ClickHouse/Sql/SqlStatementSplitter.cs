using System.Text;

namespace Fifo.ClickHouse.Sql;

/// <summary>
/// Splits a multi-statement script on top-level semicolons: the HTTP interface runs one statement per request.
/// Semicolons inside quoted strings, quoted identifiers and comments do not split.
/// </summary>
public static class SqlStatementSplitter
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = script.IndexOf('\n', i);
                end = end < 0 ? script.Length : end;
                current.Append(script, i, end - i);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? script.Length : end + 2;
                current.Append(script, i, end - i);
                i = end;
            }
            else if (c is '\'' or '"' or '`')
            {
                var end = EndOfQuoted(script, i);
                current.Append(script, i, end - i);
                hasCode = true;
                i = end;
            }
            else if (c == ';')
            {
                Flush();
                i++;
            }
            else
            {
                current.Append(c);
                hasCode |= !char.IsWhiteSpace(c);
                i++;
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            if (hasCode)
                statements.Add(current.ToString().Trim());
            current.Clear();
            hasCode = false;
        }
    }

    // ClickHouse quotes escape with a backslash or by doubling the quote character.
    private static int EndOfQuoted(string script, int start)
    {
        var quote = script[start];
        var i = start + 1;
        while (i < script.Length)
        {
            if (script[i] == '\\')
                i += 2;
            else if (script[i] == quote && i + 1 < script.Length && script[i + 1] == quote)
                i += 2;
            else if (script[i] == quote)
                return i + 1;
            else
                i++;
        }
        return script.Length;
    }
}
