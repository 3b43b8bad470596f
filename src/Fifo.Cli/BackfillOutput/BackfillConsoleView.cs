using System.Globalization;
using Fifo.Core.Backfill;
using Spectre.Console;

namespace Fifo.Cli.BackfillOutput;

/// <summary>
/// What the operator sees while a backfill runs: on a terminal a live progress bar (fills done, rate, ETA, failures);
/// otherwise (a pipe, tmux log, cron mail) plain lines on stderr — run and batch outcomes as they happen and a
/// progress line every <see cref="PlainProgressEvery"/>.
/// </summary>
internal sealed class BackfillConsoleView(CliOutput output)
{
    private static readonly TimeSpan PlainProgressEvery = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private ProgressTask? task;
    private DateTimeOffset lastPlainProgress = DateTimeOffset.MinValue;

    /// <summary>Receives every event of the run; call from any thread.</summary>
    public void OnEvent(BackfillEvent e)
    {
        lock (gate)
        {
            if (task is not null)
                Update(task, e);
            else if (!output.Interactive && ShowsPlain(e))
                output.Error.WriteLine(BackfillEventText.Describe(e));
        }
    }

    /// <summary>Runs the backfill with the progress bar up (on a terminal).</summary>
    public async Task<BackfillRun> RunAsync(string description, Func<Task<BackfillRun>> run)
    {
        if (!output.Interactive)
            return await run();

        return await output.Status.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                lock (gate)
                {
                    task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: 100);
                    task.IsIndeterminate = true;
                }
                try
                {
                    return await run();
                }
                finally
                {
                    lock (gate)
                    {
                        task.StopTask();
                        task = null;
                    }
                }
            });
    }

    private bool ShowsPlain(BackfillEvent e)
    {
        if (e is BatchStarted)
            return false;
        if (e is not RunProgress)
            return true;
        if (e.At - lastPlainProgress < PlainProgressEvery)
            return false;
        lastPlainProgress = e.At;
        return true;
    }

    private static void Update(ProgressTask task, BackfillEvent e)
    {
        switch (e)
        {
            case RunStarted started:
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"run {started.RunId}: {started.BatchesTotal} batches, {started.FillsTotal:N0} fills"));
                break;
            case RunProgress { Progress: var p }:
                task.IsIndeterminate = p.FillsTotal == 0 && p.BatchesTotal > 0;
                task.Value = ProgressPercent.Finished(p);
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{p.BatchesDone}/{p.BatchesTotal} batches{(p.BatchesFailed > 0 ? $", {p.BatchesFailed} FAILED" : "")}, " +
                    $"{p.FillsPerSecond:N0} fills/s, {p.WalletsPerMinute:N0} wallets/min, ETA {(p.Eta is { } eta ? BackfillEventText.Duration(eta) : "-")}"));
                break;
            case RunStateChanged { State: RunState.Pausing or RunState.Cancelling } changed:
                task.Description = Markup.Escape(changed.State.ToString().ToLowerInvariant() + "…");
                break;
        }
    }
}
