using Spectre.Console;

namespace Fifo.Cli;

/// <summary>
/// Where a command writes: <see cref="Out"/> for data (query results), <see cref="Error"/> for messages and
/// <see cref="Status"/> (Spectre.Console on stderr) for progress, so stdout stays pipeable.
/// Tests pass StringWriters and get a non-interactive console.
/// </summary>
public sealed class CliOutput
{
    public CliOutput(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Status = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        });
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Status { get; }

    /// <summary>Live progress only on a terminal; otherwise commands print one summary line at the end.</summary>
    public bool Interactive => Status.Profile.Capabilities.Interactive;

    public static CliOutput FromConsole() => new(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
}
