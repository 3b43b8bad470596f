using System.Globalization;

namespace Fifo.ClickHouse.Export;

/// <summary>
/// Text of one exported value: floats as the shortest string that parses back to the same double, times as
/// <c>yyyy-MM-dd HH:mm:ss</c> (the import format), NULL as an empty field, quotes only where RFC 4180 needs them.
/// </summary>
public static class CsvValueFormatter
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Format(object? value) => value switch
    {
        null or DBNull => "",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTime t => t.ToString(TimeFormat, CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        string s => Quote(s),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>.NET's default double formatting is the shortest round-trip form; ClickHouse spells the specials nan/inf.</summary>
    public static string FormatDouble(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 && (text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])))
            ? text
            : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
