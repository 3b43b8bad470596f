using System.CommandLine;
using System.Globalization;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.BackfillOutput;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary><c>fifo runs [RUN_ID] [--limit N] [--json]</c>: backfill runs, newest first, or the batches of one run.</summary>
public sealed class RunsCommand : ICliCommand
{
    public Command Build(CliContext cli)
    {
        var runId = new Argument<string?>("RUN_ID")
        {
            Description = "Show this run's batches instead of the list of runs.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var limit = new Option<int>("--limit") { Description = "How many runs.", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
                result.AddError("--limit must be between 1 and 10000.");
        });
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var command = new Command("runs",
            "List backfill runs (state, progress, throughput, settings) or, given a RUN_ID, that run's batches. "
            + "A run left running by a process that died shows as interrupted; resume it with fifo backfill --resume RUN_ID.")
        {
            runId, limit, json,
        };
        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var controller = services.GetRequiredService<IBackfillController>();
            if (parseResult.GetValue(runId) is { } id)
            {
                var run = await controller.GetRunAsync(id, ct);
                if (run is null)
                {
                    await cli.Output.Error.WriteLineAsync($"fifo: there is no run '{id}'; 'fifo runs' lists them.");
                    return ExitCodes.BadInput;
                }
                var batches = await controller.ListBatchesAsync(id, ct);
                if (parseResult.GetValue(json))
                    await ReportOutput.WriteJsonAsync(cli.Output, new { Run = run, Batches = batches }, ct);
                else
                    WriteBatches(ReportOutput.Tables(cli.Output), run, batches);
                return ExitCodes.Ok;
            }

            var runs = await controller.ListRunsAsync(parseResult.GetValue(limit), ct);
            if (parseResult.GetValue(json))
                await ReportOutput.WriteJsonAsync(cli.Output, runs, ct);
            else
                WriteRuns(ReportOutput.Tables(cli.Output), runs);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteRuns(IAnsiConsole console, IReadOnlyList<BackfillRun> runs)
    {
        if (runs.Count == 0)
        {
            console.WriteLine("No backfill runs yet: start one with 'fifo backfill'.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns(
            "Run", "Mode", "State", "Started (UTC)", "Wallets", "Workers", "Batches", "Failed", "Fills", "Rows", "Fills/s", "Elapsed", "Error");
        foreach (var run in runs)
        {
            var p = run.Progress;
            table.AddRow(
                Markup.Escape(run.RunId),
                run.Mode.ToString().ToLowerInvariant(),
                run.State.ToString().ToLowerInvariant(),
                run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(run.WalletRange ?? "0-f"),
                Number(run.Workers),
                $"{Number(p.BatchesDone)}/{Number(p.BatchesTotal)}",
                Number(p.BatchesFailed),
                Number(p.FillsDone),
                Number(p.RowsWritten),
                Number(p.FillsPerSecond),
                BackfillEventText.Duration(p.Elapsed),
                Markup.Escape(run.Error ?? ""));
        }
        console.Write(table);
    }

    private static void WriteBatches(IAnsiConsole console, BackfillRun run, IReadOnlyList<BackfillBatch> batches)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Run {run.RunId}: {run.Mode.ToString().ToLowerInvariant()}, {run.State.ToString().ToLowerInvariant()}, wallets {run.WalletRange}, "
            + $"{run.Workers} workers, ~{run.BatchFills:N0} fills per batch"));
        console.WriteLine("Settings: " + string.Join(", ", run.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));
        var table = new Table().Border(TableBorder.Simple).AddColumns(
            "Batch", "State", "First wallet", "Last wallet", "Wallets", "Fills", "Attempts", "Rows", "Duration", "Error");
        foreach (var batch in batches)
            table.AddRow(
                Number(batch.BatchNo),
                batch.State.ToString().ToLowerInvariant(),
                batch.FirstWallet,
                batch.LastWallet,
                Number(batch.Wallets),
                Number(batch.Fills),
                Number(batch.Attempts),
                Number(batch.RowsWritten),
                batch.Duration is { } d ? BackfillEventText.Duration(d) : "",
                Markup.Escape(batch.Error ?? ""));
        console.Write(table);
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
