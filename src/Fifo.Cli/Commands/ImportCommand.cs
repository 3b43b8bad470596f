using System.CommandLine;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo import fills|resolutions FILE.csv</c>: all-or-nothing CSV import into a source table.</summary>
public sealed class ImportCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var command = new Command("import", "Import a CSV file into the fills or resolutions table: every row or none.");
        command.Subcommands.Add(BuildTarget(cli, ImportTarget.Fills, "fills",
            "Import fills. Header row with the spec's column names; required: fill_id, tx_hash, wallet, condition_id, " +
            "outcome_index, tokens_delta, usdc_delta, event_time, source; optional (default 0): is_maker, is_self_fill, " +
            "block_number, _version. Times are UTC 'YYYY-MM-DD hh:mm:ss'."));
        command.Subcommands.Add(BuildTarget(cli, ImportTarget.Resolutions, "resolutions",
            "Import resolutions. Required: condition_id, payout_numerators ([1,0], [\"1\",\"0\"] or empty), resolved_at; " +
            "optional: payout_denominator (default: sum of numerators), is_deleted (default 0), insert_time (default resolved_at)."));
        return command;
    }

    private static Command BuildTarget(CliContext cli, ImportTarget target, string name, string description)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV file with a header row." };
        var command = new Command(name, description) { file };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var path = parseResult.GetRequiredValue(file).FullName;
            var importer = services.GetRequiredService<CsvImporter>();
            var result = await LiveProgress.RunAsync(cli.Output, $"{name} from {Path.GetFileName(path)}", task =>
                importer.ImportFileAsync(target, path, task is null ? null : new CallbackProgress<ImportProgress>(p => Show(task, p)), ct));
            await cli.Output.Error.WriteLineAsync(
                $"Imported {result.Rows:N0} rows into {result.Table} in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Show(ProgressTask task, ImportProgress progress)
    {
        if (progress.TotalBytes is > 0 and var total)
        {
            task.IsIndeterminate = false;
            task.Value = 100.0 * progress.BytesRead / total;
        }
        task.Description = progress.Phase == ImportPhase.Staging
            ? $"{progress.Rows:N0} rows checked, {progress.RowsPerSecond:N0} rows/s"
            : $"{progress.Phase.ToString().ToLowerInvariant()} {progress.Rows:N0} rows";
    }
}
