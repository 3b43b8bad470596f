using Fifo.ClickHouse.Sql;
using Xunit;

namespace Fifo.ClickHouse.Tests.Sql;

public sealed class SqlStatementSplitterTests
{
    [Fact]
    public void Splits_on_top_level_semicolons_and_drops_empty_parts()
    {
        var statements = SqlStatementSplitter.Split("CREATE TABLE a (x UInt8) ENGINE = Memory;\n\n  SELECT 1 ;\n;\n");

        Assert.Equal(["CREATE TABLE a (x UInt8) ENGINE = Memory", "SELECT 1"], statements);
    }

    [Fact]
    public void Keeps_semicolons_inside_strings_identifiers_and_comments()
    {
        const string script = """
            -- a comment; with a semicolon
            SELECT 'a;b', "c;d", `e;f`, 'it''s;', 'back\';slash' /* block; comment */;
            SELECT 2
            """;

        var statements = SqlStatementSplitter.Split(script);

        Assert.Equal(2, statements.Count);
        Assert.Contains("'a;b', \"c;d\", `e;f`, 'it''s;', 'back\\';slash' /* block; comment */", statements[0]);
        Assert.Equal("SELECT 2", statements[1]);
    }

    [Fact]
    public void A_trailing_comment_only_part_is_not_a_statement()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1;\n-- the end\n/* really */");

        Assert.Equal(["SELECT 1"], statements);
    }
}
