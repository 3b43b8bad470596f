using System.CommandLine;
using Fifo.Backfill;
using Fifo.ClickHouse.Connection;
using Fifo.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Fifo.Cli.Hosting;

/// <summary>
/// Builds the one host a CLI invocation uses. Configuration, later sources winning:
/// appsettings.json in the current directory (the repo root when run from there) → the <c>--config</c> file →
/// environment variables (plain <c>ClickHouse__ConnectionString</c>, then <c>FIFO_</c>-prefixed, e.g.
/// <c>FIFO_Tables__Lots</c>) → <c>--connection</c> / <c>--data-dir</c>.
/// </summary>
internal static class CliHostFactory
{
    public const string EnvironmentPrefix = "FIFO_";

    /// <exception cref="FileNotFoundException">The <c>--config</c> file does not exist.</exception>
    public static IHost Build(ParseResult parseResult, GlobalOptions options, CliOutput output)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        var configuration = builder.Configuration;
        configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        if (parseResult.GetValue(options.Config) is { } configFile)
        {
            if (!configFile.Exists)
                throw new FileNotFoundException($"Configuration file {configFile.FullName} does not exist.", configFile.FullName);
            configuration.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: false);
        }
        configuration.AddEnvironmentVariables();
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddInMemoryCollection(CommandLineSettings(parseResult, options));

        // Log lines go to stderr, warnings and errors only. The driver's own error logs and the host's "failed to
        // start" (a stack trace for bad configuration) are dropped: a failed command already ends with one message
        // naming the problem (CliContext).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((category, level) =>
            level >= LogLevel.Warning && category?.StartsWith("ClickHouse.Driver", StringComparison.Ordinal) != true
            && category != "Microsoft.Extensions.Hosting.Internal.Host");

        builder.Services.AddSingleton(output);
        builder.Services.AddClickHouseEndpoint(configuration);
        builder.Services.AddFifoEngine(configuration);
        return builder.Build();
    }

    private static Dictionary<string, string?> CommandLineSettings(ParseResult parseResult, GlobalOptions options)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(options.Connection) is { } connection)
            settings[$"{ClickHouseOptions.Section}:{nameof(ClickHouseOptions.ConnectionString)}"] = connection;
        if (parseResult.GetValue(options.DataDir) is { } dataDir)
            settings[$"{EmbeddedOptions.Section}:{nameof(EmbeddedOptions.DataDir)}"] = dataDir;
        return settings;
    }
}
