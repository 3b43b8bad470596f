namespace Fifo.Embedded.Sql;

/// <summary>One lexical token of a statement: where it is, what kind, and its bracket depth.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int End, int Depth)
{
    public int Length => End - Start;
}
