using System.Globalization;

namespace Fifo.Core.Backfill;

/// <summary>
/// Wallets whose first hex digit after 0x lies in [From, To] (inclusive), e.g. "0-3" or "a-f" — for splitting
/// a backfill across machines.
/// </summary>
public sealed record WalletRange(int From, int To)
{
    public static WalletRange All { get; } = new(0, 15);

    public static WalletRange Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !TryHexDigit(parts[0], out var from) || !TryHexDigit(parts[^1], out var to) || from > to)
            throw new FormatException($"'{text}' is not a wallet range: expected hex digits like '0-3', 'a-f' or '7'.");
        return new WalletRange(from, to);
    }

    /// <summary>Lowest wallet prefix included, as a string comparable with wallet addresses.</summary>
    public string LowerBound => "0x" + From.ToString("x", CultureInfo.InvariantCulture);
    /// <summary>Exclusive upper bound (e.g. "0x4" for "0-3"; "0y" past "f").</summary>
    public string UpperBound => To == 15 ? "0y" : "0x" + (To + 1).ToString("x", CultureInfo.InvariantCulture);

    /// <summary>True when the two ranges share a wallet prefix.</summary>
    public bool Overlaps(WalletRange other) => From <= other.To && other.From <= To;

    /// <summary>Whether <paramref name="ranges"/> together cover every wallet of this range.</summary>
    public bool IsCoveredBy(IEnumerable<WalletRange> ranges)
    {
        var list = ranges.ToList();
        return Enumerable.Range(From, To - From + 1).All(digit => list.Any(r => r.From <= digit && digit <= r.To));
    }

    public override string ToString() => From == To ? $"{From:x}" : $"{From:x}-{To:x}";

    private static bool TryHexDigit(string s, out int value) =>
        int.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && s.Length == 1;
}
