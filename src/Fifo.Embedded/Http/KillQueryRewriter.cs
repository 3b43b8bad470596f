using System.Text.RegularExpressions;
using Fifo.Embedded.Engine;

namespace Fifo.Embedded.Http;

/// <summary>
/// A client's KILL QUERY WHERE query_id = '…' names the id it gave the query, but chDB knows its statements by ids of
/// its own. Such a KILL is rewritten to select the statement by the tag the endpoint put on it.
/// </summary>
internal static partial class KillQueryRewriter
{
    public static string? TryRewrite(string statement, IReadOnlyList<KeyValuePair<string, string>> parameters, RunningQueries running)
    {
        var match = KillByQueryId().Match(statement);
        if (!match.Success)
            return null;
        var queryId = match.Groups["literal"].Success
            ? Unescape(match.Groups["literal"].Value)
            : parameters.LastOrDefault(p => p.Key == match.Groups["param"].Value).Value;
        if (queryId is null || !running.TryGetTag(queryId, out var tag))
            return null;
        var mode = match.Groups["mode"].Success ? " " + match.Groups["mode"].Value : "";
        return $"KILL QUERY WHERE {RunningQueries.MatchCondition(tag)}{mode}";
    }

    private static string Unescape(string literal) =>
        Regex.Replace(literal, @"\\(.)|''", m => m.Value == "''" ? "'" : m.Groups[1].Value);

    [GeneratedRegex(@"^\s*KILL\s+QUERY\s+WHERE\s+query_id\s*=\s*(?:'(?<literal>(?:[^'\\]|\\.|'')*)'|\{(?<param>\w+)\s*:\s*String\s*\})\s*(?<mode>SYNC|ASYNC|TEST)?\s*;?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KillByQueryId();
}
