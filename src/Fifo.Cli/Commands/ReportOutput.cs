using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Fifo.Cli.Commands;

/// <summary>How the report commands (validate, leaderboard, wallet) write: JSON or plain text tables on stdout.</summary>
internal static class ReportOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Figures can be NaN (e.g. a broken lot's pnl): write them rather than fail the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteJsonAsync<T>(CliOutput output, T value, CancellationToken cancellationToken)
    {
        await output.Out.WriteLineAsync(JsonSerializer.Serialize(value, Json).AsMemory(), cancellationToken);
        await output.Out.FlushAsync(cancellationToken);
    }

    /// <summary>A console over stdout without colours or live features, wide enough not to wrap table rows.</summary>
    public static IAnsiConsole Tables(CliOutput output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        return console;
    }
}
