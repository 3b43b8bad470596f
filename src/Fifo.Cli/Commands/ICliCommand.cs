using System.CommandLine;

namespace Fifo.Cli.Commands;

/// <summary>
/// One top-level CLI command. HOW TO ADD A COMMAND: create <c>Commands/&lt;Name&gt;Command.cs</c> with a class that
/// implements this interface and has a parameterless constructor; <see cref="FifoCli"/> finds it (no registration
/// list to edit). Build the System.CommandLine <see cref="Command"/> (arguments, options, subcommands) and set its
/// action to <c>cli.RunAsync(parseResult, cancellationToken, (services, ct) =&gt; …)</c>: that starts the host once
/// (configuration, DI with AddClickHouseEndpoint + AddFifoEngine), resolves your services from
/// <c>services</c>, and turns exceptions into exit codes and messages (see <see cref="CliContext"/>).
/// Write data to <c>cli.Output.Out</c>, messages to <c>cli.Output.Error</c>, progress via <c>cli.Output.Status</c>.
/// </summary>
public interface ICliCommand
{
    Command Build(CliContext cli);
}
