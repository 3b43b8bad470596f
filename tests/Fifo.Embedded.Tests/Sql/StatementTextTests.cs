using System.Text;
using Fifo.Embedded.Sql;
using Xunit;

namespace Fifo.Embedded.Tests.Sql;

/// <summary>Where the endpoint splits an INSERT from its rows, and which output format a statement names.</summary>
public sealed class StatementTextTests
{
    [Theory]
    [InlineData("INSERT INTO t (`a`, `b`) FORMAT RowBinary\n\u0001\u0002", "INSERT INTO t (`a`, `b`) ", "RowBinary", "\u0001\u0002")]
    [InlineData("INSERT INTO t FORMAT TSV\r\n1\t2\n", "INSERT INTO t ", "TSV", "1\t2\n")]
    [InlineData("INSERT INTO t FORMAT RowBinary\n\n\n", "INSERT INTO t ", "RowBinary", "\n\n")]
    [InlineData("insert into t values (1, 'FORMAT x')", "insert into t ", "Values", " (1, 'FORMAT x')")]
    [InlineData("/* c */ INSERT INTO t (`format`, x) SETTINGS async_insert = 0 FORMAT CSV 1,2", "/* c */ INSERT INTO t (`format`, x) SETTINGS async_insert = 0 ", "CSV", "1,2")]
    public void Insert_with_rows_is_split_where_the_rows_start(string text, string statement, string format, string rows)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var split = StatementText.FindInsertData(bytes, complete: true);
        Assert.Equal(InsertDataSplitKind.Found, split.Kind);
        Assert.Equal(statement, Encoding.UTF8.GetString(bytes[..split.PrefixEnd]));
        Assert.Equal(format, split.Format);
        Assert.Equal(rows, Encoding.UTF8.GetString(bytes[split.DataStart..]));
    }

    [Theory]
    [InlineData("INSERT INTO t SELECT * FROM s")]
    [InlineData("INSERT INTO t (a) WITH 1 AS x SELECT x")]
    [InlineData("INSERT INTO t SELECT * FROM values('a UInt8', 1)")]
    [InlineData("SELECT 'INSERT INTO t FORMAT TSV'")]
    [InlineData("CREATE TABLE t (a UInt8) ENGINE = Memory")]
    public void Statement_without_inline_rows_is_not_split(string text) =>
        Assert.Equal(InsertDataSplitKind.NoInlineData, StatementText.FindInsertData(Encoding.UTF8.GetBytes(text), complete: true).Kind);

    [Theory]
    [InlineData("INSERT INTO t (a, b")]
    [InlineData("INSERT INTO t FORMAT")]
    [InlineData("INSERT INTO t FORMAT RowBin")]
    [InlineData("INSERT INTO t FORMAT RowBinary")]
    [InlineData("INSERT INTO t /* unfinished comment")]
    public void Insert_cut_short_asks_for_more_text(string text) =>
        Assert.Equal(InsertDataSplitKind.NeedMoreText, StatementText.FindInsertData(Encoding.UTF8.GetBytes(text), complete: false).Kind);

    [Theory]
    [InlineData("SELECT 1", null)]
    [InlineData("SELECT 1 FORMAT JSONEachRow", "JSONEachRow")]
    [InlineData("SELECT 'FORMAT CSV' AS x FORMAT TSV;", "TSV")]
    [InlineData("SELECT * FROM (SELECT 1 FORMAT CSV) -- FORMAT JSON", null)]
    [InlineData("SELECT 1 FORMAT `CSVWithNames`", "CSVWithNames")]
    public void Output_format_is_the_top_level_format_clause(string text, string? format) =>
        Assert.Equal(format, StatementText.OutputFormat(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("  -- only a comment\n /* and another */ ;", true)]
    [InlineData("SELECT 1", false)]
    public void Blank_statement_is_recognized(string text, bool blank) =>
        Assert.Equal(blank, StatementText.IsBlank(Encoding.UTF8.GetBytes(text)));
}
