using ClickHouse.Driver;
using Fifo.Admin.Errors;
using Xunit;

namespace Fifo.Admin.Tests.Errors;

public sealed class ErrorTextTests
{
    [Fact]
    public void ClickHouse_errors_read_as_code_and_message_without_the_echoed_query()
    {
        var error = new ClickHouseServerException(
            "Code: 60. DB::Exception: Unknown table expression identifier 'nope' in scope SELECT * FROM nope. (UNKNOWN_TABLE) (version 26.7.3.1)\nStack trace: ...",
            "SELECT * FROM nope", 60);

        Assert.Equal("ClickHouse error 60: Unknown table expression identifier 'nope' in scope SELECT * FROM nope. (UNKNOWN_TABLE)",
            ErrorText.Describe(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public void The_query_ClickHouse_echoes_is_left_out()
    {
        var query = "WITH runs AS (SELECT * FROM t WHERE x = 1) SELECT p.a AS a, p.b AS b FROM runs AS p" + new string(' ', 2000) + "ORDER BY a.";
        var error = new ClickHouseServerException(
            $"Code: 47. DB::Exception: Identifier 'p.c' cannot be resolved from subquery with name p. In scope {query} Maybe you meant: ['p.b']. (UNKNOWN_IDENTIFIER) (version 26.7.2.1)",
            query, 47);

        Assert.Equal("ClickHouse error 47: Identifier 'p.c' cannot be resolved from subquery with name p. Maybe you meant: ['p.b']. (UNKNOWN_IDENTIFIER)",
            ErrorText.Describe(error));
    }

    [Fact]
    public void Long_messages_are_cut_but_keep_their_error_name()
    {
        var error = new ClickHouseServerException($"Code: 241. DB::Exception: {new string('x', 1000)} (MEMORY_LIMIT_EXCEEDED) (version 26.7.2.1)", "", 241);

        var text = ErrorText.Describe(error);

        Assert.StartsWith("ClickHouse error 241: xxx", text);
        Assert.EndsWith("… (MEMORY_LIMIT_EXCEEDED)", text);
        Assert.True(text.Length < ErrorText.MaxServerText + 60, $"{text.Length} characters");
    }

    [Fact]
    public void Other_errors_keep_their_message()
    {
        Assert.Equal("ClickHouse is unreachable: Connection refused", ErrorText.Describe(new HttpRequestException("Connection refused")));
        Assert.Equal("bad input", ErrorText.Describe(new ArgumentException("bad input")));
    }
}
