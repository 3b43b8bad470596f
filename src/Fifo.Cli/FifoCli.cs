using System.CommandLine;
using System.CommandLine.Invocation;
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
            foreach (var error in parseResult.Errors)
                await output.Error.WriteLineAsync($"fifo: {error.Message}");
            await output.Error.WriteLineAsync("Run 'fifo --help' (or 'fifo COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }
        return await parseResult.InvokeAsync(
            new InvocationConfiguration { Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }

    /// <summary>Every command class in the assembly, by name; see <see cref="ICliCommand"/> for how to add one.</summary>
    private static IEnumerable<ICliCommand> DiscoverCommands() =>
        typeof(ICliCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (ICliCommand)Activator.CreateInstance(type)!);
}
