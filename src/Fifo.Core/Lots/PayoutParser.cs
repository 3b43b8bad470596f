using System.Globalization;
using System.Text.RegularExpressions;

namespace Fifo.Core.Lots;

/// <summary>
/// Parses payout_numerators: a JSON-like array of non-negative decimal numbers, each optionally in double quotes,
/// with spaces, tabs or line breaks around brackets and commas: <c>[1,0]</c>, <c>[1,1]</c>, <c>["1","0"]</c>,
/// <c> [ 0.5 , 0.5 ] </c>. An empty text or <c>[]</c> means "no numerators" (not resolved). Anything else is an error.
/// </summary>
public static partial class PayoutParser
{
    private const string Number = "[0-9]+(?:\\.[0-9]+)?";
    private const string Item = "(?:\"" + Number + "\"|" + Number + ")";
    private const string Space = "[ \\t\\r\\n]*";

    /// <summary>The accepted grammar as one regular expression, valid for .NET and RE2 (ClickHouse's <c>match</c>).</summary>
    public const string Pattern = "^" + Space + "\\[" + Space + "(?:" + Item + "(?:" + Space + "," + Space + Item + ")*)?" + Space + "\\]" + Space + "$";

    /// <summary>Texts that hold no numerators at all: blank, or an empty array (same whitespace as <see cref="Pattern"/>).</summary>
    public const string EmptyPattern = "^" + Space + "(?:\\[" + Space + "\\]" + Space + ")?$";

    /// <summary>One numerator inside a text that matches <see cref="Pattern"/> (quotes are outside the match).</summary>
    public const string NumberPattern = Number;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    [GeneratedRegex(EmptyPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Empty();

    [GeneratedRegex(Number, RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    /// <summary>True when the text follows the grammar, whatever the numbers (they may sum to 0 or overflow).</summary>
    public static bool IsWellFormed(string? text) => text is not null && Grammar().IsMatch(text);

    /// <summary>The numbers of a well-formed text, exactly, in order (quotes and whitespace dropped).</summary>
    public static IEnumerable<string> NumberTexts(string text) => Numbers().Matches(text).Select(m => m.Value);

    /// <summary>True when the text holds no numerators at all: empty/blank or an empty array.</summary>
    public static bool IsEmpty(string? text) => text is null || Empty().IsMatch(text);

    /// <summary>Parses the numerators; <paramref name="error"/> says why not when it returns false.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<double> numerators, out string error)
    {
        numerators = [];
        if (!IsWellFormed(text))
        {
            error = "not an array of non-negative numbers";
            return false;
        }
        var values = NumberTexts(text!).Select(n => double.Parse(n, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)).ToArray();
        if (values.Length == 0)
        {
            error = "no numerators";
            return false;
        }
        var sum = values.Sum();
        if (!double.IsFinite(sum))
        {
            error = "numerators overflow";
            return false;
        }
        if (sum == 0)
        {
            error = "numerators sum to 0";
            return false;
        }
        numerators = values;
        error = "";
        return true;
    }
}
