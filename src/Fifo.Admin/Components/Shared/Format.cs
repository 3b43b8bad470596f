using System.Globalization;
using Fifo.Core.Backfill;

namespace Fifo.Admin.Components.Shared;

/// <summary>How numbers, money and times read on every page (invariant culture, UTC).</summary>
public static class Format
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Culture);

    /// <summary>A run's wallet range; the planner records "0-f" for a run over every wallet, shown as "all".</summary>
    public static string Wallets(string? range) => range is null || range == WalletRange.All.ToString() ? "all" : range;

    /// <summary>1234 → "1.2k", 3_400_000 → "3.4M": for rates and big figures in cards.</summary>
    public static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", Culture) + "G",
            >= 1e6 => (value / 1e6).ToString("0.##", Culture) + "M",
            >= 1e4 => (value / 1e3).ToString("0.#", Culture) + "k",
            >= 100 => value.ToString("0", Culture),
            _ => value.ToString("0.##", Culture),
        };
    }

    public static string Usd(double value) => (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("N2", Culture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", Culture) + "%";

    public static string Number(double value, int decimals = 2) => value.ToString("N" + decimals, Culture);

    public static string Price(double value) => value.ToString("0.0000", Culture);

    public static string Duration(TimeSpan? span)
    {
        if (span is not { } s)
            return "–";
        if (s < TimeSpan.FromSeconds(1))
            return s.TotalMilliseconds.ToString("0", Culture) + " ms";
        if (s < TimeSpan.FromMinutes(1))
            return s.TotalSeconds.ToString("0.0", Culture) + " s";
        if (s < TimeSpan.FromHours(1))
            return $"{(int)s.TotalMinutes}m {s.Seconds:00}s";
        return $"{(int)s.TotalHours}h {s.Minutes:00}m";
    }

    public static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Culture) + " UTC" : "–";

    public static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss", Culture) ?? "–";

    /// <summary>0x1234…cdef: a wallet or id short enough for a table cell.</summary>
    public static string Short(string value, int keep = 6) =>
        value.Length <= 2 * keep + 1 ? value : value[..keep] + "…" + value[^4..];
}
