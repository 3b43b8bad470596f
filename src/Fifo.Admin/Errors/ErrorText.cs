using System.Text.RegularExpressions;
using ClickHouse.Driver;

namespace Fifo.Admin.Errors;

/// <summary>
/// One readable line for an exception shown on a page: ClickHouse errors as "ClickHouse error CODE: text (NAME)"
/// without the stack and version noise, transport problems as what they mean for the operator.
/// </summary>
public static partial class ErrorText
{
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ClickHouseServerException server)
                return DescribeServer(server);
        }
        return exception switch
        {
            HttpRequestException http => $"ClickHouse is unreachable: {http.Message}",
            TaskCanceledException { InnerException: TimeoutException } => "ClickHouse did not answer in time (ClickHouse:QueryTimeout).",
            TimeoutException timeout => $"Timed out: {timeout.Message}",
            AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
            _ => exception.Message,
        };
    }

    private static string DescribeServer(ClickHouseServerException server)
    {
        var firstLine = server.Message.Split('\n', 2)[0].Trim();
        var match = ServerMessage().Match(firstLine);
        return match.Success
            ? $"ClickHouse error {match.Groups["code"].Value}: {match.Groups["text"].Value.Trim()}"
            : $"ClickHouse error {server.ErrorCode}: {firstLine}";
    }

    // "Code: 60. DB::Exception: Unknown table ... (UNKNOWN_TABLE) (version 26.7.3.1)"
    [GeneratedRegex(@"^Code:\s*(?<code>\d+)\.\s*(?:DB::Exception:\s*)?(?<text>.*?)(?:\s*\(version [^)]*\))?\.?$")]
    private static partial Regex ServerMessage();
}
