namespace Fifo.Embedded.Sql;

internal enum InsertDataSplitKind
{
    /// <summary>Not an INSERT, or an INSERT … SELECT: the whole text is the statement.</summary>
    NoInlineData,
    /// <summary>An INSERT with FORMAT or VALUES: the data follows.</summary>
    Found,
    /// <summary>The text seen so far ends before it can be told.</summary>
    NeedMoreText,
}
