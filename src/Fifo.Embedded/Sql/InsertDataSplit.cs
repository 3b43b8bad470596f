namespace Fifo.Embedded.Sql;

/// <summary>
/// Where an INSERT's inline data starts: the statement before <see cref="PrefixEnd"/> goes to chDB as the insert,
/// bytes from <see cref="DataStart"/> on are rows in <see cref="Format"/>.
/// </summary>
internal readonly record struct InsertDataSplit(InsertDataSplitKind Kind, int PrefixEnd, string Format, int DataStart)
{
    public static readonly InsertDataSplit None = new(InsertDataSplitKind.NoInlineData, 0, "", 0);
    public static readonly InsertDataSplit NeedMore = new(InsertDataSplitKind.NeedMoreText, 0, "", 0);
}
