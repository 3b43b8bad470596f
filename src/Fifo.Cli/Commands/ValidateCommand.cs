using System.CommandLine;
using System.Globalization;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo validate [--json]</c>: the validation report; exit code 1 when a check fails.</summary>
public sealed class ValidateCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = "Write the report as JSON instead of a table." };
        var command = new Command("validate",
            "Check the stored lots: counts by status, wallet coverage, one row per key, per-lot identities, PnL conservation "
            + "on a sample, agreement with market resolutions, payout formats, prices, PnL sanity, known wallets, leaderboard "
            + "speed (settings: section \"Validation\"). Exit code 1 when any check fails, 0 when all pass or only warn.") { json };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var report = await services.GetRequiredService<IValidationService>().RunAsync(ct);
            if (parseResult.GetValue(json))
                await ReportOutput.WriteJsonAsync(cli.Output, report, ct);
            else
                WriteTable(ReportOutput.Tables(cli.Output), report);
            return report.Overall == CheckStatus.Fail ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteTable(IAnsiConsole console, ValidationReport report)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("Check", "Status", "Time", "Result");
        foreach (var check in report.Checks)
            table.AddRow(
                Markup.Escape(check.Id),
                check.Status.ToString().ToUpperInvariant(),
                string.Create(CultureInfo.InvariantCulture, $"{check.Duration.TotalMilliseconds:F0} ms"),
                Markup.Escape(check.Message));
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Overall: {report.Overall.ToString().ToUpperInvariant()} ({report.Checks.Count} checks in {report.Duration.TotalSeconds:F2} s, {report.RanAt:u})"));
    }
}
