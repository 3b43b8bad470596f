using Xunit;

namespace Fifo.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task Root_help_lists_every_command_and_the_global_options()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var expected in new[] { "import", "export", "demo-data", "query", "info", "--data-dir", "--connection", "--config" })
            Assert.Contains(expected, run.Out);
    }

    [Theory]
    [InlineData("import", "fills")]
    [InlineData("import fills", "event_time")]
    [InlineData("import resolutions", "payout_numerators")]
    [InlineData("export", "lots")]
    [InlineData("export lots", "round-trip")]
    [InlineData("demo-data", "--seed")]
    [InlineData("query", "SQL")]
    [InlineData("info", "schema version")]
    public async Task Every_command_has_help(string command, string expected)
    {
        var run = await CliRun.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(expected, run.Out);
        Assert.Contains("--connection", run.Out);
    }

    [Theory]
    [InlineData(new string[0], "demo-data")]
    [InlineData(new[] { "import" }, "resolutions")]
    [InlineData(new[] { "export" }, "lots")]
    public async Task A_command_group_alone_exits_2_and_shows_its_usage(string[] args, string expected)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Usage:", run.Error);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("Required command was not provided", run.Error);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import", "fills")]
    [InlineData("demo-data", "--fills", "many")]
    public async Task Bad_usage_exits_2_with_a_hint(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("fifo --help", run.Error);
    }
}
