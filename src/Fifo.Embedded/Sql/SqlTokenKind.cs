namespace Fifo.Embedded.Sql;

internal enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    StringLiteral,
    Number,
    Punctuation,
    Semicolon,
    /// <summary>A string, identifier or comment that runs to the end of the text seen so far.</summary>
    Unterminated,
}
