using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.BackfillOutput;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Cli.Commands;

/// <summary>
/// <c>fifo backfill [--mode full|incremental] [--workers N] [--batch-fills N] [--wallets RANGE] [--retry-failed]
/// [--resume RUN_ID | --cancel RUN_ID] [--log FILE]</c>: computes the FIFO lots of many wallets in batches, with checkpoints in
/// ClickHouse. Ctrl+C pauses the run (resume it with <c>--resume RUN_ID</c>); <c>--resume</c> of a failed run retries
/// its failed batches (<c>--retry-failed</c> those of the newest run). Exit codes: 0 completed, 1 some
/// batches failed (or the run could not go on), 2 bad input, 130 paused by Ctrl+C.
/// </summary>
public sealed class BackfillCommand : ICliCommand
{
    /// <summary>Exit code of a run paused by Ctrl+C (128 + SIGINT, as shells report it): resumable, not failed.</summary>
    public const int PausedExitCode = 130;

    public Command Build(CliContext cli)
    {
        var mode = new Option<string>("--mode")
        {
            Description = "full: every wallet of the range; incremental: only wallets with new fills or re-resolved markets since the last completed run over the same range.",
            DefaultValueFactory = _ => "full",
            HelpName = "full|incremental",
        }.AcceptOnlyFromAmong("full", "incremental");
        var workers = new Option<int?>("--workers") { Description = "Batches computed at once (default: Backfill:Workers).", HelpName = "N" };
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > BackfillOptions.MaxWorkers)
                result.AddError($"--workers must be between 1 and {BackfillOptions.MaxWorkers}.");
        });
        var batchFills = new Option<long?>("--batch-fills")
        {
            Description = "Target fills per batch; batches are balanced by fills, a bigger wallet gets a batch of its own (default: Backfill:BatchFills).",
            HelpName = "N",
        };
        batchFills.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 1)
                result.AddError("--batch-fills must be at least 1.");
        });
        var wallets = new Option<WalletRange?>("--wallets")
        {
            Description = "Only wallets whose first hex digit after 0x is in this range, e.g. 0-7 on one machine and 8-f on another.",
            HelpName = "RANGE",
            CustomParser = ParseWalletRange,
        };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Rerun only the failed batches of the last run (of another run: --resume RUN_ID)." };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue a paused or interrupted run from its last finished batch, or rerun the failed batches of a failed run.",
            HelpName = "RUN_ID",
        };
        var cancel = new Option<string?>("--cancel")
        {
            Description = "Close a paused or interrupted run for good: its unfinished batches are dropped (wallets it finished keep their lots).",
            HelpName = "RUN_ID",
        };
        var log = new Option<FileInfo?>("--log") { Description = "Log file (default: logs/backfill-<start time>.log).", HelpName = "FILE" };

        var command = new Command("backfill",
            "Compute FIFO lots for all wallets (or a range, or only what changed) in batches balanced by fill count, with "
            + "checkpoints in ClickHouse: finished batches are never redone. Ctrl+C pauses; resume with --resume RUN_ID. "
            + "Exit codes: 0 completed, 1 batches failed, 2 bad input, 130 paused.")
        {
            mode, workers, batchFills, wallets, retryFailed, resume, cancel, log,
        };
        command.Validators.Add(result =>
        {
            var resuming = result.GetResult(resume) is not null;
            var planning = new Option[] { mode, workers, batchFills, wallets }.Where(o => result.GetResult(o) is { Implicit: false }).ToList();
            if (result.GetResult(cancel) is not null)
            {
                var others = new Option[] { mode, workers, batchFills, wallets, retryFailed, resume, log }
                    .Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (others.Count > 0)
                    result.AddError($"--cancel RUN_ID stands alone: {string.Join(", ", others)} cannot go with it.");
            }
            else if (resuming && result.GetResult(retryFailed) is not null)
                result.AddError("--resume and --retry-failed do not go together: --resume RUN_ID alone reruns the failed batches of a failed run.");
            else if ((resuming || result.GetResult(retryFailed) is not null) && planning.Count > 0)
                result.AddError($"{string.Join(", ", planning.Select(o => o.Name))} cannot be changed for an existing run; "
                                + "--resume and --retry-failed continue it as it was planned.");
        });

        command.SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, cancellationToken, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync(ct);
            var controller = services.GetRequiredService<IBackfillController>();
            if (parseResult.GetValue(cancel) is { } cancelId)
                return await CancelAsync(cli, controller, cancelId, ct);
            var request = new BackfillRequest(
                parseResult.GetValue(mode) == "incremental" ? BackfillMode.Incremental : BackfillMode.Full,
                parseResult.GetValue(workers), parseResult.GetValue(batchFills), parseResult.GetValue(wallets),
                parseResult.GetValue(retryFailed));
            var resumeId = parseResult.GetValue(resume);

            using var logFile = BackfillLogFile.Open(parseResult.GetValue(log)?.FullName ?? BackfillLogFile.DefaultPath(DateTimeOffset.UtcNow));
            var view = new BackfillConsoleView(cli.Output);
            using var subscription = controller.Subscribe(e =>
            {
                logFile.Write(e);
                view.OnEvent(e);
            });
            await cli.Output.Error.WriteLineAsync($"Logging to {logFile.Path}; Ctrl+C pauses the run.");

            var run = await view.RunAsync(resumeId is null ? "planning…" : $"resuming {resumeId}…", () =>
                resumeId is not null ? controller.ResumeAsync(resumeId, ct) : controller.RunAsync(request, ct));
            var summary = Summary(run);
            logFile.Write(DateTimeOffset.UtcNow, summary);
            await cli.Output.Error.WriteLineAsync(summary);
            await WriteFailedBatchesAsync(cli, controller, run);
            return run.State switch
            {
                RunState.Completed => ExitCodes.Ok,
                RunState.Paused => PausedExitCode,
                _ => ExitCodes.Failed,
            };
        }));
        return command;
    }

    private static async Task<int> CancelAsync(CliContext cli, IBackfillController controller, string runId, CancellationToken ct)
    {
        // Refusals (no such run, not stopped) become messages and exit codes in CliContext, as for every command.
        var run = await controller.CancelRunAsync(runId, ct);
        await cli.Output.Error.WriteLineAsync(
            $"Run {run.RunId} cancelled: {run.Progress.BatchesDone} of {run.Progress.BatchesTotal} batches had finished; the others will not run.");
        return ExitCodes.Ok;
    }

    private static WalletRange? ParseWalletRange(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        try
        {
            return WalletRange.Parse(text);
        }
        catch (FormatException e)
        {
            result.AddError($"--wallets: {e.Message}");
            return null;
        }
    }

    private static string Summary(BackfillRun run)
    {
        var p = run.Progress;
        var next = run.State switch
        {
            RunState.Paused => $" Resume with: fifo backfill --resume {run.RunId}",
            RunState.Failed => $" Retry the failed batches with: fifo backfill --resume {run.RunId}",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Run {run.RunId} {run.State.ToString().ToLowerInvariant()}: {p.BatchesDone}/{p.BatchesTotal} batches done, {p.BatchesFailed} failed; "
            + $"{p.WalletsDone:N0} wallets, {p.FillsDone:N0} fills, {p.RowsWritten:N0} rows in {BackfillEventText.Duration(p.Elapsed)} "
            + $"({p.FillsPerSecond:N0} fills/s, {p.WalletsPerMinute:N0} wallets/min).{next}");
    }

    private static async Task WriteFailedBatchesAsync(CliContext cli, IBackfillController controller, BackfillRun run)
    {
        if (run.Progress.BatchesFailed == 0)
            return;
        // Not cancellable: after Ctrl+C the command's token is cancelled, and the list is still wanted.
        foreach (var batch in (await controller.ListBatchesAsync(run.RunId, CancellationToken.None)).Where(b => b.State == BatchState.Failed))
            await cli.Output.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  batch {batch.BatchNo} ({batch.FirstWallet}..{batch.LastWallet}, {batch.Fills:N0} fills) failed after {batch.Attempts} attempts: {batch.Error}"));
    }
}
