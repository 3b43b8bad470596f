namespace Fifo.Core.Lots;

/// <summary>
/// Token amounts as integer micro-tokens, so that matching buys against sells is exact (the spec's Matching section).
/// Rounding is half-to-even because ClickHouse's <c>round</c> on Float64 rounds that way; both engines must agree.
/// </summary>
public static class MicroTokens
{
    public const double PerToken = 1_000_000d;

    /// <summary><c>round(|tokens| · 1e6)</c>; 0 for non-finite input, which therefore never counts as a fill.</summary>
    public static long FromTokens(double tokens) =>
        double.IsFinite(tokens) ? (long)Math.Round(Math.Abs(tokens) * PerToken, MidpointRounding.ToEven) : 0;

    public static double ToTokens(long microTokens) => microTokens / PerToken;
}
