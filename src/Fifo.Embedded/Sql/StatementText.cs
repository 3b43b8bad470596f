using System.Text;

namespace Fifo.Embedded.Sql;

/// <summary>What the endpoint needs to know about a statement before chDB sees it.</summary>
internal static class StatementText
{
    /// <summary>The first keyword, upper-cased ("SELECT", "INSERT", ...), or null for a blank text.</summary>
    public static string? FirstKeyword(ReadOnlySpan<byte> text)
    {
        var lexer = new SqlLexer(text);
        while (lexer.Next(out var token))
        {
            if (token.Kind == SqlTokenKind.Word)
                return Encoding.UTF8.GetString(text[token.Start..token.End]).ToUpperInvariant();
            if (token.Kind != SqlTokenKind.Punctuation || text[token.Start] != '(')
                return null;
        }
        return null;
    }

    /// <summary>True when the text holds nothing but whitespace, comments and semicolons.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> text)
    {
        var lexer = new SqlLexer(text);
        while (lexer.Next(out var token))
        {
            if (token.Kind != SqlTokenKind.Semicolon)
                return false;
        }
        return true;
    }

    /// <summary>The format named by a top-level FORMAT clause (the output format of a SELECT), or null.</summary>
    public static string? OutputFormat(ReadOnlySpan<byte> text)
    {
        var lexer = new SqlLexer(text);
        string? format = null;
        var afterFormatKeyword = false;
        while (lexer.Next(out var token))
        {
            if (afterFormatKeyword)
            {
                afterFormatKeyword = false;
                if (token.Kind == SqlTokenKind.Word)
                    format = Encoding.UTF8.GetString(text[token.Start..token.End]);
                else if (token.Kind == SqlTokenKind.QuotedIdentifier)
                    format = Encoding.UTF8.GetString(text[(token.Start + 1)..(token.End - 1)]);
                continue;
            }
            afterFormatKeyword = token.Depth == 0 && SqlLexer.IsKeyword(text, token, "FORMAT");
        }
        return format;
    }

    /// <summary>
    /// For an INSERT carrying its own rows (FORMAT name / VALUES), where the statement ends and the rows begin.
    /// <paramref name="complete"/> says whether <paramref name="text"/> is everything there is; when it is not,
    /// a text that ends too early answers <see cref="InsertDataSplit.NeedMore"/>.
    /// </summary>
    public static InsertDataSplit FindInsertData(ReadOnlySpan<byte> text, bool complete)
    {
        var lexer = new SqlLexer(text);
        var first = true;
        var afterFormatKeyword = -1;
        while (lexer.Next(out var token))
        {
            if (token.Kind == SqlTokenKind.Unterminated)
                return complete ? InsertDataSplit.None : InsertDataSplit.NeedMore;
            if (first)
            {
                first = false;
                if (!SqlLexer.IsKeyword(text, token, "INSERT"))
                    return InsertDataSplit.None;
                continue;
            }
            if (afterFormatKeyword >= 0)
            {
                if (token.Kind != SqlTokenKind.Word)
                    return InsertDataSplit.None;
                if (token.End == text.Length && !complete)
                    return InsertDataSplit.NeedMore;
                var format = Encoding.UTF8.GetString(text[token.Start..token.End]);
                var dataStart = SkipToData(text, token.End, complete);
                return dataStart < 0
                    ? InsertDataSplit.NeedMore
                    : new InsertDataSplit(InsertDataSplitKind.Found, afterFormatKeyword, format, dataStart);
            }
            if (token.Depth != 0)
                continue;
            if (SqlLexer.IsKeyword(text, token, "SELECT") || SqlLexer.IsKeyword(text, token, "WITH")
                || SqlLexer.IsKeyword(text, token, "FROM"))
                return InsertDataSplit.None;
            if (SqlLexer.IsKeyword(text, token, "FORMAT"))
                afterFormatKeyword = token.Start;
            else if (SqlLexer.IsKeyword(text, token, "VALUES"))
                return new InsertDataSplit(InsertDataSplitKind.Found, token.Start, "Values", token.End);
        }
        return complete ? InsertDataSplit.None : InsertDataSplit.NeedMore;
    }

    /// <summary>
    /// After "FORMAT name" ClickHouse skips blanks and at most one line break; the rows start there. Binary formats
    /// depend on this being exact. -1 when the text ends before that can be decided.
    /// </summary>
    private static int SkipToData(ReadOnlySpan<byte> text, int position, bool complete)
    {
        while (position < text.Length && text[position] is (byte)' ' or (byte)'\t' or (byte)'\f')
            position++;
        if (position < text.Length && text[position] == '\r')
            position++;
        if (position < text.Length && text[position] == '\n')
            return position + 1;
        return position >= text.Length && !complete ? -1 : position;
    }
}
