using Fifo.ClickHouse.Import;
using Xunit;

namespace Fifo.ClickHouse.Tests.Import;

public sealed class CsvRecordReaderTests
{
    private static List<(long Line, string[] Fields)> ReadAll(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<(long, string[])>();
        var fields = new List<string>();
        while (reader.ReadRecord(fields))
            records.Add((reader.LineNumber, fields.ToArray()));
        return records;
    }

    // Records as "line: field|field" so collections compare by value.
    private static List<string> Show(List<(long Line, string[] Fields)> records) =>
        records.Select(r => $"{r.Line}: {string.Join("|", r.Fields)}").ToList();

    [Fact]
    public void Reads_plain_and_quoted_fields_with_line_numbers()
    {
        var records = ReadAll("a,b,c\r\n1,\"x,\"\"y\"\"\",\n\"multi\nline\",2,3\nlast,,");

        Assert.Equal(["1: a|b|c", "2: 1|x,\"y\"|", "3: multi\nline|2|3", "5: last||"], Show(records));
    }

    [Fact]
    public void Fields_longer_than_the_buffer_are_read_whole()
    {
        var big = new string('x', 200_000);

        var records = ReadAll($"{big},\"{big}\"\n1,2\n");

        Assert.Equal(big, records[0].Fields[0]);
        Assert.Equal(big, records[0].Fields[1]);
        Assert.Equal(["1", "2"], records[1].Fields);
    }

    [Theory]
    [InlineData("a,\"open\n", "not closed")]
    [InlineData("a,\"x\"y\n", "after the closing double quote")]
    [InlineData("a,x\"y\n", "inside an unquoted field")]
    public void Malformed_quoting_is_a_format_error(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ReadAll(text));

        Assert.Contains(expected, error.Message);
    }
}
