using System.CommandLine;
using Fifo.ClickHouse.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo info</c>: where the data is, engine and schema version, rows per table.</summary>
public sealed class InfoCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var command = new Command("info", "Show the ClickHouse in use (embedded or server), its version, the schema version and row counts per table; applies pending migrations first.");
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var info = await services.GetRequiredService<DatabaseInfoReader>().ReadAsync(ct);
            var output = cli.Output.Out;
            await output.WriteLineAsync($"endpoint\t{info.Endpoint}");
            await output.WriteLineAsync($"engine\tClickHouse {info.EngineVersion}");
            await output.WriteLineAsync($"database\t{info.Database}");
            await output.WriteLineAsync($"schema\t{info.SchemaVersion} (latest {info.LatestSchemaVersion})");
            foreach (var table in info.Tables)
                await output.WriteLineAsync($"table\t{table.Key}\t{table.Name}\t{(table.Exists ? table.Engine : "missing")}\t{table.Rows?.ToString("N0") ?? "-"}");
            foreach (var leftover in info.LeftoverImportTables)
                await output.WriteLineAsync($"leftover\t{leftover.Name}\tcreated {(leftover.CreatedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss} UTC" : "at an unknown time")}\t" +
                                            (leftover.InUse == true ? leftover.Situation : $"{leftover.Situation}: fifo query \"{leftover.DropStatement}\""));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
