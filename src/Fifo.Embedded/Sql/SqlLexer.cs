namespace Fifo.Embedded.Sql;

/// <summary>
/// Just enough of ClickHouse's lexer to find statement keywords at bracket depth 0: it skips whitespace, comments,
/// string literals and quoted identifiers so text inside them is never mistaken for a keyword. Works on UTF-8 bytes;
/// every byte of a multi-byte character is above 0x7F and so is part of a word or punctuation, never a delimiter.
/// </summary>
internal ref struct SqlLexer
{
    private readonly ReadOnlySpan<byte> text;
    private int position;
    private int depth;

    public SqlLexer(ReadOnlySpan<byte> text)
    {
        this.text = text;
    }

    /// <summary>Position just after the last token returned.</summary>
    public readonly int Position => position;

    public bool Next(out SqlToken token)
    {
        SkipWhitespaceAndComments(out var unterminatedComment);
        if (unterminatedComment)
        {
            token = new SqlToken(SqlTokenKind.Unterminated, position, text.Length, depth);
            position = text.Length;
            return true;
        }
        if (position >= text.Length)
        {
            token = default;
            return false;
        }

        var start = position;
        var c = text[position];
        if (IsWordStart(c))
        {
            while (position < text.Length && IsWordPart(text[position]))
                position++;
            token = new SqlToken(SqlTokenKind.Word, start, position, depth);
            return true;
        }
        if (IsDigit(c))
        {
            while (position < text.Length && (IsWordPart(text[position]) || text[position] == '.'))
                position++;
            token = new SqlToken(SqlTokenKind.Number, start, position, depth);
            return true;
        }
        if (c is (byte)'\'' or (byte)'"' or (byte)'`')
        {
            var terminated = SkipQuoted(c);
            var kind = !terminated ? SqlTokenKind.Unterminated
                : c == '\'' ? SqlTokenKind.StringLiteral
                : SqlTokenKind.QuotedIdentifier;
            token = new SqlToken(kind, start, position, depth);
            return true;
        }

        position++;
        switch (c)
        {
            case (byte)'(' or (byte)'[' or (byte)'{':
                token = new SqlToken(SqlTokenKind.Punctuation, start, position, depth);
                depth++;
                return true;
            case (byte)')' or (byte)']' or (byte)'}':
                depth = Math.Max(0, depth - 1);
                token = new SqlToken(SqlTokenKind.Punctuation, start, position, depth);
                return true;
            case (byte)';':
                token = new SqlToken(SqlTokenKind.Semicolon, start, position, depth);
                return true;
            default:
                token = new SqlToken(SqlTokenKind.Punctuation, start, position, depth);
                return true;
        }
    }

    public static bool IsKeyword(ReadOnlySpan<byte> text, SqlToken token, string keyword)
    {
        if (token.Kind != SqlTokenKind.Word || token.Length != keyword.Length)
            return false;
        for (var i = 0; i < keyword.Length; i++)
        {
            if (char.ToUpperInvariant((char)text[token.Start + i]) != keyword[i])
                return false;
        }
        return true;
    }

    private void SkipWhitespaceAndComments(out bool unterminated)
    {
        unterminated = false;
        while (position < text.Length)
        {
            var c = text[position];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v')
            {
                position++;
            }
            else if (c == '-' && At(position + 1, '-') || c == '#' && (At(position + 1, ' ') || At(position + 1, '!')))
            {
                while (position < text.Length && text[position] != '\n')
                    position++;
            }
            else if (c == '/' && At(position + 1, '*'))
            {
                // ClickHouse comments nest.
                var nesting = 0;
                while (position < text.Length)
                {
                    if (text[position] == '/' && At(position + 1, '*'))
                    {
                        nesting++;
                        position += 2;
                    }
                    else if (text[position] == '*' && At(position + 1, '/'))
                    {
                        nesting--;
                        position += 2;
                        if (nesting == 0)
                            break;
                    }
                    else
                    {
                        position++;
                    }
                }
                if (nesting > 0)
                {
                    unterminated = true;
                    return;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool SkipQuoted(byte quote)
    {
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\\')
            {
                position += 2;
                continue;
            }
            position++;
            if (c == quote)
            {
                // A doubled quote is an escaped quote.
                if (position < text.Length && text[position] == quote)
                {
                    position++;
                    continue;
                }
                return true;
            }
        }
        position = text.Length;
        return false;
    }

    private readonly bool At(int index, char expected) => index < text.Length && text[index] == expected;

    private static bool IsWordStart(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_' or >= 0x80;

    private static bool IsWordPart(byte c) => IsWordStart(c) || IsDigit(c);

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
