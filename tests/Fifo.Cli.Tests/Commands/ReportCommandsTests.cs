using System.Text.Json;
using Xunit;

namespace Fifo.Cli.Tests.Commands;

/// <summary><c>fifo validate</c>, <c>fifo leaderboard</c> and <c>fifo wallet</c> against a test database.</summary>
public sealed class ReportCommandsTests(ReportCommandsFixture fixture) : IClassFixture<ReportCommandsFixture>
{
    private const string Rich = ReportCommandsFixture.Rich;
    private const string Poor = ReportCommandsFixture.Poor;

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => fixture.RunAsync(args);

    [Fact]
    public async Task Leaderboard_json_ranks_wallets()
    {
        var (code, output, error) = await RunAsync("leaderboard", "--top", "5", "--json");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var wallets = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("wallet").GetString());
        Assert.Equal([Rich, Poor], wallets);
        Assert.Equal(6, json.RootElement.GetProperty("entries")[0].GetProperty("totalPnl").GetDouble());
    }

    [Fact]
    public async Task Leaderboard_table_sorted_ascending()
    {
        var (code, output, _) = await RunAsync("leaderboard", "--sort", "pnl", "--ascending");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(output.IndexOf(Poor, StringComparison.Ordinal) < output.IndexOf(Rich, StringComparison.Ordinal), output);
        Assert.Contains("2 wallets in", output);
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--min-positions", "-1")]
    [InlineData("--sort", "luck")]
    public async Task Leaderboard_rejects_bad_options(string option, string value)
    {
        var (code, _, error) = await RunAsync("leaderboard", option, value);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task Validate_fails_with_exit_code_1_and_names_the_broken_check()
    {
        var (code, output, _) = await RunAsync("validate", "--json");

        using var json = JsonDocument.Parse(output);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(11, checks.Count);
        // The stored lot has no fills behind it: conservation cannot hold.
        Assert.Equal("fail", checks["conservation"].GetProperty("status").GetString());
        Assert.Equal(1, checks["conservation"].GetProperty("figures").GetProperty("wallet_violations").GetDouble());
        Assert.Equal(ExitCodes.Failed, code);
    }

    [Fact]
    public async Task Validate_table_lists_every_check()
    {
        var (_, output, _) = await RunAsync("validate");

        Assert.Contains("row-identities", output);
        Assert.Contains("Overall: FAIL", output);
    }

    [Fact]
    public async Task Wallet_shows_lots_and_with_compare_exits_1_on_differences()
    {
        var (code, output, error) = await RunAsync("wallet", Rich.ToUpperInvariant().Replace("0X", "0x"), "--compare");

        Assert.True(code == ExitCodes.Failed, error);
        Assert.Contains($"wallet {Rich}", output);
        Assert.Contains("resolved", output);
        Assert.Contains("1 differences", output);
    }

    [Fact]
    public async Task An_unknown_wallet_is_refused_with_exit_code_2_and_nothing_on_stdout()
    {
        var unknown = "0x" + new string('c', 40);
        var (code, output, error) = await RunAsync("wallet", unknown, "--json");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"wallet {unknown} is unknown: no row in pm_canonical_fills_v4_deduped and no stored lots", error);
        Assert.Equal("", output);
    }
}
