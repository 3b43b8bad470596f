using System.Globalization;
using System.Text.RegularExpressions;
using Fifo.Core.Lots;
using Fifo.Core.Model;

namespace Fifo.ClickHouse.Import;

/// <summary>Field parsers for the source tables' CSV columns; each throws FormatException saying what was expected.</summary>
internal static partial class CsvValueParsers
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly DateTime MaxDateTime = DateTime.UnixEpoch.AddSeconds(uint.MaxValue);

    public static object NonEmptyString(string field) =>
        field.Length > 0 ? field : throw new FormatException("empty value; a value is required");

    public static object AnyString(string field) => field;

    public static object Wallet(string field) =>
        WalletAddress.TryNormalize(field, out var wallet) && wallet == field
            ? wallet
            : throw new FormatException($"'{Shorten(field)}' is not a wallet: expected lower-case 0x followed by 40 hex digits");

    public static object ConditionId(string field) =>
        ConditionIdPattern().IsMatch(field)
            ? field
            : throw new FormatException($"'{Shorten(field)}' is not a condition id: expected 64 lower-case hex digits without 0x");

    public static object UInt8(string field) =>
        byte.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{Shorten(field)}' is not an integer from 0 to 255");

    public static object Flag(string field) => field switch
    {
        "0" => (byte)0,
        "1" => (byte)1,
        _ => throw new FormatException($"'{Shorten(field)}' is not a flag: expected 0 or 1"),
    };

    public static object UInt64(string field) =>
        ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{Shorten(field)}' is not an unsigned integer");

    public static object Float64(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{Shorten(field)}' is not a finite number");

    public static object Time(string field) =>
        DateTime.TryParseExact(field, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
        && value >= DateTime.UnixEpoch && value <= MaxDateTime
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new FormatException($"'{Shorten(field)}' is not a UTC time formatted {TimeFormat} between 1970 and 2106");

    /// <summary>
    /// Empty (not resolved) or numerators in the grammar the engines read (<see cref="PayoutParser"/>): <c>[1,0]</c>,
    /// <c>["1","0"]</c>, <c>[0.5, 0.5]</c>. Numerators that sum to 0 are stored; the validation report lists them.
    /// </summary>
    public static object PayoutNumerators(string field) =>
        PayoutParser.IsEmpty(field) || PayoutParser.IsWellFormed(field)
            ? field
            : throw new FormatException($"'{Shorten(field)}' is not a payout list: expected e.g. [1,0] or [\"1\",\"0\"], or empty");

    public static object PayoutDenominator(string field) =>
        field.Length == 0 || ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? field
            : throw new FormatException($"'{Shorten(field)}' is not a payout denominator: expected an unsigned integer or empty");

    /// <summary>
    /// Sum of the numerators as text, "" when there are none: what Polymarket stores as the denominator. Exact
    /// (decimal); numerators too large for that must come with their payout_denominator.
    /// </summary>
    public static string SumOfNumerators(string numerators)
    {
        if (PayoutParser.IsEmpty(numerators))
            return "";
        try
        {
            return PayoutParser.NumberTexts(numerators)
                .Sum(n => decimal.Parse(n, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
                .ToString("0.############################", CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new FormatException(
                $"the numerators '{Shorten(numerators)}' are too large to sum into a default; give the payout_denominator column");
        }
    }

    private static string Shorten(string field) => field.Length <= 80 ? field : field[..77] + "...";

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex ConditionIdPattern();
}
