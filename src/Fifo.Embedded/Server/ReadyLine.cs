using System.Globalization;
using System.Text.RegularExpressions;

namespace Fifo.Embedded.Server;

/// <summary>The one line fifo-clickhouse prints on stdout once it serves: what the launcher waits for.</summary>
internal static partial class ReadyLine
{
    public static string Format(int port, int pid, string version) =>
        string.Create(CultureInfo.InvariantCulture, $"fifo-clickhouse ready port={port} pid={pid} version={version}");

    public static bool TryParse(string? line, out int port)
    {
        port = 0;
        var match = line is null ? Match.Empty : Pattern().Match(line);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out port);
    }

    [GeneratedRegex(@"^fifo-clickhouse ready port=(\d+) ")]
    private static partial Regex Pattern();
}
