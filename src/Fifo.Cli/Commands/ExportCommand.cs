using System.CommandLine;
using Fifo.ClickHouse.Export;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo export lots FILE.csv</c>: the deduplicated lots view as CSV.</summary>
public sealed class ExportCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV file to write (replaced only once the export has succeeded)." };
        var lots = new Command("lots",
            "Export every column of the deduplicated FIFO lots view (Tables:LotsDeduped) with a header row; " +
            "floats round-trip exactly, NULL times are empty fields.") { file };
        lots.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var path = parseResult.GetRequiredValue(file).FullName;
            var exporter = services.GetRequiredService<LotsCsvExporter>();
            var result = await LiveProgress.RunAsync(cli.Output, $"lots to {Path.GetFileName(path)}", task =>
                exporter.ExportFileAsync(path, rowsWritten: task is null ? null : new CallbackProgress<long>(rows => task.Description = $"{rows:N0} rows written"), cancellationToken: ct));
            await cli.Output.Error.WriteLineAsync(
                $"Exported {result.Rows:N0} rows ({result.Columns.Count} columns) of {result.Source} to {path} in {result.Elapsed.TotalSeconds:N1} s.");
            return ExitCodes.Ok;
        }));

        return new Command("export", "Export computed data as CSV.") { lots };
    }
}
