using System.CommandLine;
using System.Globalization;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Model;
using Fifo.Core.Reports;
using Fifo.Core.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo wallet ADDRESS [--compare] [--json]</c>: one wallet's lots (open ones included) and totals.</summary>
public sealed class WalletCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var address = new Argument<string>("ADDRESS")
        {
            Description = "Wallet address: 0x followed by 40 hex digits. A wallet with no fill row and no stored lot is refused (exit code 2).",
        };
        var compare = new Option<bool>("--compare")
        {
            Description = "Also recompute the wallet with the reference engine and list every stored lot that differs (exit code 1 if any).",
        };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of tables." };
        var command = new Command("wallet", "Show one wallet's FIFO lots: stored rows plus open lots computed on the fly, totals and PnL over time.")
        {
            address, compare, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Checked before the engine starts: a typo should answer at once.
            if (!WalletAddress.TryNormalize(parseResult.GetRequiredValue(address), out var wallet))
            {
                await cli.Output.Error.WriteLineAsync(
                    $"fifo: '{parseResult.GetRequiredValue(address)}' is not a wallet address: expected 0x followed by 40 hex digits.");
                return ExitCodes.BadInput;
            }
            return await cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
            {
                await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
                var spotCheck = services.GetRequiredService<IWalletSpotCheckService>();
                var report = await spotCheck.GetAsync(wallet, ct);
                if (report.IsUnknown)
                {
                    var fills = services.GetRequiredService<IOptions<TableNames>>().Value.Fills;
                    await cli.Output.Error.WriteLineAsync($"fifo: wallet {wallet} is unknown: no row in {fills} and no stored lots.");
                    return ExitCodes.BadInput;
                }
                var comparison = parseResult.GetValue(compare) ? await spotCheck.CompareAsync(wallet, ct) : null;
                if (parseResult.GetValue(json))
                    await ReportOutput.WriteJsonAsync(cli.Output, ToJson(report, comparison), ct);
                else
                    WriteTables(ReportOutput.Tables(cli.Output), report, comparison);
                return comparison is { Matches: false } ? ExitCodes.Failed : ExitCodes.Ok;
            });
        });
        return command;
    }

    // Tuples have no member names in JSON: the curve is written as objects.
    private static object ToJson(WalletReport report, WalletComparison? comparison) => new
    {
        report.Wallet,
        report.Totals,
        report.Lots,
        PnlOverTime = report.PnlOverTime.Select(p => new { p.At, p.CumulativePnl }),
        QueryTimeMs = report.QueryTime.TotalMilliseconds,
        Comparison = comparison is null ? null : new
        {
            comparison.Matches, comparison.StoredRows, comparison.ReferenceRows,
            Differences = comparison.Differences.Select(d => new { d.Key, d.Description }),
        },
    };

    private static void WriteTables(IAnsiConsole console, WalletReport report, WalletComparison? comparison)
    {
        var t = report.Totals;
        console.WriteLine(Format($"wallet {report.Wallet}: pnl {t.TotalPnl:N2} USD on cost {t.TotalCost:N2} USD (ROI {t.Roi:P1}), win rate {t.WinRate:P1}"));
        console.WriteLine(Format($"{t.Positions} positions; lots: {t.ResolvedLots} resolved, {t.ClosedLots} closed, {t.OpenLots} open (not stored); read in {report.QueryTime.TotalMilliseconds:F0} ms"));

        var lots = new Table().Border(TableBorder.Simple).AddColumns(
            "Condition", "Out", "Side", "Opened by", "Entry", "Tokens", "Price", "Cost", "Sold early", "Held", "Exit value", "PnL", "ROI", "Status");
        foreach (var l in report.Lots)
            lots.AddRow(l.ConditionId[..Math.Min(12, l.ConditionId.Length)], Format($"{l.OutcomeIndex}"), l.IsShort ? "short" : "long",
                Markup.Escape(l.TxHash.Length > 24 ? l.TxHash[..24] + "…" : l.TxHash), Format($"{l.EntryTime:yyyy-MM-dd HH:mm}"),
                Format($"{l.Tokens:N6}"), Format($"{l.EntryPrice:F4}"), Format($"{l.CostUsd:N2}"), Format($"{l.TokensSoldEarly:N6}"),
                Format($"{l.TokensHeld:N6}"), Format($"{l.ExitValue:N2}"), Format($"{l.PnlUsd:N2}"), Format($"{l.Roi:P1}"),
                l.Status.ToString().ToLowerInvariant());
        console.Write(lots);

        if (comparison is null)
            return;
        if (comparison.Matches)
        {
            console.WriteLine(Format($"Reference engine: all {comparison.StoredRows} stored lots match."));
            return;
        }
        console.WriteLine(Format($"Reference engine: {comparison.Differences.Count} differences ({comparison.StoredRows} stored rows, {comparison.ReferenceRows} expected):"));
        foreach (var d in comparison.Differences)
            console.WriteLine($"  {d.Key}: {d.Description}");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
