using ClickHouse.Driver;
using Fifo.Admin.Errors;
using Xunit;

namespace Fifo.Admin.Tests.Errors;

public sealed class ErrorTextTests
{
    [Fact]
    public void ClickHouse_errors_read_as_code_and_message()
    {
        var error = new ClickHouseServerException(
            "Code: 60. DB::Exception: Unknown table expression identifier 'nope' in scope SELECT * FROM nope. (UNKNOWN_TABLE) (version 26.7.3.1)\nStack trace: ...",
            "SELECT * FROM nope", 60);

        Assert.Equal("ClickHouse error 60: Unknown table expression identifier 'nope' in scope SELECT * FROM nope. (UNKNOWN_TABLE)",
            ErrorText.Describe(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public void Other_errors_keep_their_message()
    {
        Assert.Equal("ClickHouse is unreachable: Connection refused", ErrorText.Describe(new HttpRequestException("Connection refused")));
        Assert.Equal("bad input", ErrorText.Describe(new ArgumentException("bad input")));
    }
}
