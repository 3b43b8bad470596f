using System.Text.RegularExpressions;
using ClickHouse.Driver;

namespace Fifo.Admin.Errors;

/// <summary>
/// One readable line for an exception shown on a page: ClickHouse errors as "ClickHouse error CODE: text (NAME)"
/// without the stack, version and echoed query, transport problems as what they mean for the operator.
/// </summary>
public static partial class ErrorText
{
    /// <summary>Longest text kept of a ClickHouse message (its error name is always kept).</summary>
    public const int MaxServerText = 400;

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
        var code = match.Success ? match.Groups["code"].Value : server.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = match.Success ? match.Groups["text"].Value.Trim() : firstLine;
        return $"ClickHouse error {code}: {Shorten(text)}";
    }

    /// <summary>Drops the query ClickHouse echoes ("In scope …") and cuts what is still too long, keeping "(NAME)".</summary>
    private static string Shorten(string text)
    {
        text = EchoedQuery().Replace(text, "");
        if (text.Length <= MaxServerText)
            return text;
        var name = ErrorName().Match(text);
        var head = text[..MaxServerText].TrimEnd();
        return name.Success ? $"{head}… {name.Value}" : head + "…";
    }

    // "Code: 60. DB::Exception: Unknown table ... (UNKNOWN_TABLE) (version 26.7.3.1)"
    [GeneratedRegex(@"^Code:\s*(?<code>\d+)\.\s*(?:DB::Exception:\s*)?(?<text>.*?)(?:\s*\(version [^)]*\))?\.?$")]
    private static partial Regex ServerMessage();

    // " In scope SELECT ... ." up to "Maybe you meant" or the trailing "(NAME)".
    [GeneratedRegex(@"\s+In scope\s.*?(?=\s*Maybe you meant|\s*\([A-Z][A-Z0-9_]*\)\s*$)", RegexOptions.Singleline)]
    private static partial Regex EchoedQuery();

    [GeneratedRegex(@"\([A-Z][A-Z0-9_]*\)\s*$")]
    private static partial Regex ErrorName();
}
