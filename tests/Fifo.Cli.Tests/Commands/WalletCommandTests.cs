using Xunit;

namespace Fifo.Cli.Tests.Commands;

public sealed class WalletCommandTests
{
    [Theory]
    [InlineData("0x123")]
    [InlineData("1111111111111111111111111111111111111111")]
    [InlineData("0xZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    public async Task Invalid_address_is_bad_input_with_a_clear_message_before_any_engine_starts(string address)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        // A connection that cannot work: the command must answer before it ever connects.
        var code = await FifoCli.RunAsync(["wallet", address, "--connection", "Host=256.0.0.1;Port=1"], new CliOutput(output, error, interactive: false));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"'{address}' is not a wallet address", error.ToString());
        Assert.Contains("0x followed by 40 hex digits", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Missing_address_is_bad_input()
    {
        var error = new StringWriter();

        var code = await FifoCli.RunAsync(["wallet"], new CliOutput(new StringWriter(), error, interactive: false));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ADDRESS", error.ToString());
    }
}
