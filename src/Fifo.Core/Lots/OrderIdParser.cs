using System.Text.RegularExpressions;

namespace Fifo.Core.Lots;

/// <summary>
/// The order id a CLOB fill_id carries: <c>clob_&lt;tx&gt;_&lt;order&gt;</c> with an optional leg suffix such as
/// <c>-m</c> (maker) or <c>-t</c> (taker). Any other fill_id carries none (empty string).
/// The SQL engines use the same pattern with ClickHouse's <c>extract</c> (see docs/FIFO-RULES.md).
/// </summary>
public static partial class OrderIdParser
{
    /// <summary>
    /// The pattern, valid for both .NET and RE2 (ClickHouse); group 1 is the order id. It ends in <c>\z</c>, not
    /// <c>$</c>: .NET's <c>$</c> also matches before a final line break, RE2's does not.
    /// </summary>
    public const string Pattern = "^clob_[^_]+_([^_]+?)(?:-[a-z]+)?\\z";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Regex();

    public static string FromFillId(string fillId)
    {
        var match = Regex().Match(fillId);
        return match.Success ? match.Groups[1].Value : "";
    }
}
