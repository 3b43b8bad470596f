using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Fifo.Cli.Commands;
using Fifo.Cli.Hosting;

namespace Fifo.Cli;

/// <summary>The <c>fifo</c> command line: global options plus every <see cref="ICliCommand"/> in this assembly.</summary>
public static class FifoCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliOutput output, CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(new GlobalOptions(), output);
        var root = new RootCommand("fifo: TRUE FIFO cost-basis lots for Polymarket wallets, computed inside ClickHouse.");
        foreach (var option in cli.Options.All)
            root.Options.Add(option);
        foreach (var command in DiscoverCommands())
            root.Subcommands.Add(command.Build(cli));

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            if (IsOnlyAMissingSubcommand(parseResult))
            {
                // `fifo` or `fifo import` alone: a group, not something to run. Its usage says more than the parse error.
                await root.Parse([.. CommandPath(parseResult.CommandResult), "--help"]).InvokeAsync(
                    new InvocationConfiguration { Output = output.Error, Error = output.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                    cancellationToken);
                return ExitCodes.BadInput;
            }
            foreach (var error in parseResult.Errors)
                await output.Error.WriteLineAsync($"fifo: {error.Message}");
            await output.Error.WriteLineAsync("Run 'fifo --help' (or 'fifo COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }
        // SIGINT/SIGTERM cancel the command's token and the command finishes on its own (a backfill pauses and exits
        // 130); a second signal exits at once. System.CommandLine's handling (ProcessTerminationTimeout) is off: it
        // would force the exit 2 s after the first signal, cutting a pause short. See TerminationSignals.
        using var signals = TerminationSignals.Listen(output.Error, cancellationToken);
        return await parseResult.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            },
            signals.Token);
    }

    /// <summary>
    /// True for `fifo` or `fifo import` with nothing after them: a command group without an action whose only errors
    /// are its own (not a stray token or a bad option value, which keep their specific message).
    /// </summary>
    private static bool IsOnlyAMissingSubcommand(ParseResult parseResult) =>
        parseResult.CommandResult.Command is { Action: null, Subcommands.Count: > 0 }
        && parseResult.UnmatchedTokens.Count == 0
        && parseResult.Errors.All(error => error.SymbolResult == parseResult.CommandResult);

    /// <summary>The subcommand names leading to <paramref name="result"/>'s command, root excluded ("import" for `fifo import`).</summary>
    private static IEnumerable<string> CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
            names.Push(current.Command.Name);
        return names;
    }

    /// <summary>Every command class in the assembly, by name; see <see cref="ICliCommand"/> for how to add one.</summary>
    private static IEnumerable<ICliCommand> DiscoverCommands() =>
        typeof(ICliCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (ICliCommand)Activator.CreateInstance(type)!);
}
