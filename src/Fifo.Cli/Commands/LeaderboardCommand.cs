using System.CommandLine;
using System.Globalization;
using Fifo.ClickHouse.Reports.Leaderboards;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo leaderboard [--top N] [--sort COLUMN] [--ascending] [--min-positions N] [--min-cost USD] [--json]</c>.</summary>
public sealed class LeaderboardCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var top = new Option<int>("--top") { Description = "How many wallets.", DefaultValueFactory = _ => 100, HelpName = "N" };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > LeaderboardService.MaxTop)
                result.AddError($"--top must be between 1 and {LeaderboardService.MaxTop}.");
        });
        var sort = new Option<LeaderboardSort>("--sort") { Description = "Rank by pnl, roi, winrate, positions or volume.", DefaultValueFactory = _ => LeaderboardSort.Pnl };
        var ascending = new Option<bool>("--ascending") { Description = "Lowest first (default: highest first)." };
        var minPositions = new Option<int>("--min-positions") { Description = "Only wallets with at least N positions.", HelpName = "N" };
        minPositions.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
                result.AddError("--min-positions must be 0 or more.");
        });
        var minCost = new Option<double>("--min-cost") { Description = "Only wallets with at least this total cost (USD).", HelpName = "USD" };
        minCost.Validators.Add(result =>
        {
            if (!double.IsFinite(result.GetValueOrDefault<double>()))
                result.AddError("--min-cost must be a finite number.");
        });
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var command = new Command("leaderboard", "Top wallets by realised FIFO PnL (resolved and closed lots), from the wallet summary.")
        {
            top, sort, ascending, minPositions, minCost, json,
        };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var query = new LeaderboardQuery(
                parseResult.GetValue(top), parseResult.GetValue(sort), !parseResult.GetValue(ascending),
                parseResult.GetValue(minPositions), parseResult.GetValue(minCost));
            var board = await services.GetRequiredService<ILeaderboardService>().GetAsync(query, ct);
            if (parseResult.GetValue(json))
                await ReportOutput.WriteJsonAsync(cli.Output, new { query, board.Entries, QueryTimeMs = board.QueryTime.TotalMilliseconds }, ct);
            else
                WriteTable(ReportOutput.Tables(cli.Output), board);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTable(IAnsiConsole console, Leaderboard board)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("#", "Wallet", "PnL USD", "Cost USD", "ROI", "Win rate", "Positions", "Lots", "Volume USD");
        foreach (var e in board.Entries)
            table.AddRow(Format($"{e.Rank}"), e.Wallet, Format($"{e.TotalPnl:N2}"), Format($"{e.TotalCost:N2}"), Format($"{e.Roi:P1}"),
                Format($"{e.WinRate:P1}"), Format($"{e.Positions:N0}"), Format($"{e.Lots:N0}"), Format($"{e.VolumeUsd:N2}"));
        foreach (var column in table.Columns.Skip(2))
            column.RightAligned();
        console.Write(table);
        console.WriteLine(Format($"{board.Entries.Count} wallets in {board.QueryTime.TotalMilliseconds:F1} ms"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
