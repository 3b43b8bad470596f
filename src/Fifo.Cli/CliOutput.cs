using System.Text;
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

    /// <summary>
    /// The process's stdout and stderr. Console.Out flushes every 256 characters, which makes streaming gigabytes of
    /// query results a syscall storm; stdout gets a 64 KB buffer instead (flushed by the caller at exit).
    /// </summary>
    public static CliOutput FromConsole() => new(
        new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16),
        Console.Error,
        interactive: !Console.IsErrorRedirected);
}
