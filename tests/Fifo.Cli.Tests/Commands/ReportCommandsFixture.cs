using System.Text.Json;
using Dapper;
using Fifo.Testing.ClickHouse;
using Xunit;

namespace Fifo.Cli.Tests.Commands;

/// <summary>
/// A test database for the report commands, migrated by <c>fifo info</c> and holding two wallet summaries and one
/// stored lot; plus the <c>--config</c> file that points the CLI at it. Created once for the test class.
/// </summary>
public sealed class ReportCommandsFixture : IAsyncLifetime
{
    public const string Rich = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string Poor = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private ClickHouseTestDatabase? db;

    public ClickHouseTestDatabase Database => db ?? throw new InvalidOperationException("The fixture is not initialized yet.");
    public string ConfigFile { get; } = Path.Combine(Path.GetTempPath(), $"fifo-cli-{Guid.NewGuid():N}.json");

    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FifoCli.RunAsync([.. args, "--connection", Database.ServerConnectionString, "--config", ConfigFile],
            new CliOutput(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }

    public async Task InitializeAsync()
    {
        db = await ClickHouseTestDatabase.CreateAsync();
        await File.WriteAllTextAsync(ConfigFile, JsonSerializer.Serialize(new
        {
            ClickHouse = new { Database = Database.Database },
            Validation = new { LeaderboardMaxQueryTime = "00:00:30" },
        }));
        Assert.Equal(ExitCodes.Ok, (await RunAsync("info")).Code); // migrates the database
        await using var connection = await Database.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO pm_trade_fifo_roi_v3_wallet_summary (wallet, _version, run_id, computed_at, positions, lots, resolved_lots, closed_lots, wins, total_pnl, total_cost, volume_usd, first_trade, last_trade)
            VALUES ('0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, 'r', now64(3), 1, 1, 1, 0, 1, 6, 4, 4, '2024-01-01 00:00:00', '2024-01-02 00:00:00'),
                   ('0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, 'r', now64(3), 1, 1, 1, 0, 0, -2, 2, 2, '2024-01-01 00:00:00', '2024-01-02 00:00:00')
            """);
        // Rich's one lot, stored without the fills it came from: the spot-check's recompute finds nothing to match.
        await connection.ExecuteAsync("""
            INSERT INTO pm_trade_fifo_roi_v3 (wallet, condition_id, outcome_index, tx_hash, order_id, is_short, is_maker, entry_time, exit_time, tokens, entry_price, cost_usd, tokens_sold_early, tokens_held, exit_value, pnl_usd, roi, pct_sold_early, payout_rate, resolved_at, is_closed, _version)
            VALUES ('0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'c1', 0, 'clob_0xt_0xo-t', '0xo', 0, 0, '2024-01-01 00:00:00', NULL, 10, 0.4, 4, 0, 10, 10, 6, 1.5, 0, 1, '2024-01-03 00:00:00', 0, 1)
            """);
    }

    public async Task DisposeAsync()
    {
        File.Delete(ConfigFile);
        if (db is not null)
            await db.DisposeAsync();
    }
}
