using Spectre.Console;

namespace Fifo.Cli.Terminal;

/// <summary>
/// A live progress bar on stderr while <c>work</c> runs, when stderr is a terminal. Off a terminal the work gets no
/// task (null) and the command prints its summary line only, so logs and pipes stay clean.
/// </summary>
internal static class LiveProgress
{
    public static async Task<T> RunAsync<T>(CliOutput output, string description, Func<ProgressTask?, Task<T>> work)
    {
        if (!output.Interactive)
            return await work(null);

        return await output.Status.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: 100);
                task.IsIndeterminate = true;
                var result = await work(task);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }
}
