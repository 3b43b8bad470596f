using System.CommandLine;
using ClickHouse.Driver;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.Cli.Hosting;
using Fifo.Core.Backfill;
using Fifo.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.Cli.Commands;

/// <summary>
/// What every command's action needs: the global options, the output, and <see cref="RunAsync"/>, which hosts the
/// command body and maps failures to <see cref="ExitCodes"/> with a one-line message naming the problem.
/// </summary>
public sealed class CliContext(GlobalOptions options, CliOutput output)
{
    // ClickHouse errors caused by what the user typed or configured (bad SQL, unknown table/column/database, …).
    private static readonly HashSet<int> BadInputServerCodes =
    [
        36,  // BAD_ARGUMENTS
        42,  // NUMBER_OF_ARGUMENTS_DOESNT_MATCH
        43,  // ILLEGAL_TYPE_OF_ARGUMENT
        46,  // UNKNOWN_FUNCTION
        47,  // UNKNOWN_IDENTIFIER
        53,  // TYPE_MISMATCH
        60,  // UNKNOWN_TABLE
        62,  // SYNTAX_ERROR
        81,  // UNKNOWN_DATABASE
        115, // UNKNOWN_SETTING
        164, // READONLY
        215, // NOT_AN_AGGREGATE
        456, // UNKNOWN_QUERY_PARAMETER
    ];

    public GlobalOptions Options { get; } = options;
    public CliOutput Output { get; } = output;

    public async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> body)
    {
        IHost? host = null;
        try
        {
            host = CliHostFactory.Build(parseResult, Options, Output);
            await host.StartAsync(cancellationToken);
            return await body(host.Services, cancellationToken);
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e, cancellationToken);
            await Output.Error.WriteLineAsync($"fifo: {message}");
            if (code == ExitCodes.Failed && host?.Services.GetService<ILoggerFactory>() is { } loggers)
                loggers.CreateLogger("Fifo.Cli").LogDebug(e, "Command failed");
            return code;
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }
        }
    }

    private static (int Code, string Message) Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        CsvImportException or DemoDataNotEmptyException or SchemaMismatchException => (ExitCodes.BadInput, e.Message),
        // Refusals of the backfill engine: another run holds the wallets (1); the run asked for cannot be continued or
        // closed that way, or a new run would start over a paused or interrupted run's wallets (2).
        BackfillConflictException => (ExitCodes.Failed, e.Message),
        BackfillRunStateException => (ExitCodes.BadInput, e.Message),
        OptionsValidationException options => (ExitCodes.BadInput, $"configuration: {string.Join(" ", options.Failures)}"),
        // A value that does not convert to its setting's type ("Failed to convert configuration value 'abc' at
        // 'Backfill:Workers' to type 'System.Int32'"): the binder's message names the key.
        InvalidOperationException binding when binding.TargetSite?.DeclaringType == typeof(ConfigurationBinder)
            => (ExitCodes.BadInput, $"configuration: {binding.Message}"),
        FileNotFoundException or ArgumentException => (ExitCodes.BadInput, e.Message),
        ClickHouseServerException server when BadInputServerCodes.Contains(server.ErrorCode) => (ExitCodes.BadInput, FirstLine(server.Message)),
        ClickHouseServerException server => (ExitCodes.Failed, FirstLine(server.Message)),
        HttpRequestException http => (ExitCodes.Failed, $"cannot reach ClickHouse: {http.Message}"),
        EmbeddedClickHouseException embedded => (ExitCodes.Failed, $"embedded ClickHouse: {embedded.Message}"),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Failed, "cancelled"),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!, cancellationToken),
        _ => (ExitCodes.Failed, $"{e.GetType().Name}: {e.Message}"),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return end < 0 ? message : message[..end].TrimEnd();
    }
}
