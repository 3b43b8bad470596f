using System.Text.RegularExpressions;
using Fifo.Embedded.Engine;

namespace Fifo.Embedded.Http;

/// <summary>
/// Adapts a client's KILL QUERY to chDB. chDB knows statements by ids of its own, so KILL QUERY WHERE query_id = '…'
/// (the id the client gave) is rewritten to select the statement by the tag the endpoint put on it. And chDB's
/// KILL … SYNC never returns, so every KILL runs ASYNC; for SYNC by query id the endpoint then waits itself.
/// </summary>
internal static partial class KillQueryRewriter
{
    /// <param name="waitForTag">For SYNC by query id: the tag whose statement must be gone before answering.</param>
    public static string? TryRewrite(string statement, IReadOnlyList<KeyValuePair<string, string>> parameters, RunningQueries running,
        out string? waitForTag)
    {
        waitForTag = null;
        var byId = KillByQueryId().Match(statement);
        if (byId.Success)
        {
            var queryId = byId.Groups["literal"].Success
                ? Unescape(byId.Groups["literal"].Value)
                : parameters.LastOrDefault(p => p.Key == byId.Groups["param"].Value).Value;
            if (queryId is not null && running.TryGetTag(queryId, out var tag))
            {
                if (byId.Groups["mode"].Value.Equals("SYNC", StringComparison.OrdinalIgnoreCase))
                    waitForTag = tag;
                var mode = byId.Groups["mode"].Value.Equals("TEST", StringComparison.OrdinalIgnoreCase) ? "TEST" : "ASYNC";
                return $"KILL QUERY WHERE {RunningQueries.MatchCondition(tag)} {mode}";
            }
        }
        var sync = TrailingSync().Match(statement);
        return sync.Success ? statement[..sync.Index] + " ASYNC" : null;
    }

    private static string Unescape(string literal) =>
        Regex.Replace(literal, @"\\(.)|''", m => m.Value == "''" ? "'" : m.Groups[1].Value);

    // A statement may start with comments (a .sql file's header), as ClickHouse allows.
    private const string Start = @"^(?:\s*(?:--[^\n]*(?:\n|$)|/\*[\s\S]*?\*/))*\s*";

    [GeneratedRegex(Start + @"KILL\s+QUERY\s+WHERE\s+query_id\s*=\s*(?:'(?<literal>(?:[^'\\]|\\.|'')*)'|\{(?<param>\w+)\s*:\s*String\s*\})\s*(?<mode>SYNC|ASYNC|TEST)?\s*;?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KillByQueryId();

    [GeneratedRegex(@"(?<=" + Start + @"KILL\s[\s\S]*)\bSYNC\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSync();
}
