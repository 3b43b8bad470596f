using System.Globalization;
using Fifo.Core.Model;
using Fifo.Core.Reports;

namespace Fifo.Core.Lots;

/// <summary>Diffs two sets of lot rows by key, numbers within a tolerance (the spec's 1e-6 USD), and says what differs.</summary>
public static class LotComparison
{
    public const double DefaultTolerance = 1e-6;

    /// <summary>
    /// Every key on either side with what differs; a key present more than once on one side (a duplicate in the stored
    /// view) is a difference of its own, and its first row is compared. Numbers agree within
    /// <paramref name="tolerance"/>, absolutely, except the token columns, which must be the same micro-tokens, and roi,
    /// weighed in USD of pnl when the lot cost less than 1 USD.
    /// </summary>
    public static IReadOnlyList<LotDifference> Compare(
        IEnumerable<LotRow> stored, IEnumerable<LotRow> reference, double tolerance = DefaultTolerance)
    {
        var storedByKey = stored.GroupBy(LotKey.Of).ToDictionary(g => g.Key, g => g.ToList());
        var referenceByKey = reference.GroupBy(LotKey.Of).ToDictionary(g => g.Key, g => g.ToList());
        var differences = new List<LotDifference>();
        foreach (var key in storedByKey.Keys.Union(referenceByKey.Keys).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var s = storedByKey.GetValueOrDefault(key);
            var r = referenceByKey.GetValueOrDefault(key);
            var parts = new List<string>();
            if (s is { Count: > 1 })
                parts.Add($"stored {s.Count} times");
            if (r is { Count: > 1 })
                parts.Add($"computed {r.Count} times by the reference engine");
            parts.Add((s, r) switch
            {
                (null, _) => "missing from the stored rows",
                (_, null) => "stored, but the reference engine has no such lot",
                _ => Describe(s[0], r[0], tolerance),
            });
            var description = string.Join("; ", parts.Where(p => p.Length > 0));
            if (description.Length > 0)
                differences.Add(new LotDifference(key.ToString(), s?[0], r?[0], description));
        }
        return differences;
    }

    private static string Describe(LotRow s, LotRow r, double tolerance)
    {
        var parts = new List<string>();
        void Differs(string column, double stored, double reference, bool agree)
        {
            if (!agree && !(double.IsNaN(stored) && double.IsNaN(reference)))
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{column} {stored:G17} vs {reference:G17}"));
        }
        // scale: what one unit of the column is worth in the tolerance's unit.
        void Number(string column, double stored, double reference, double scale = 1) =>
            Differs(column, stored, reference, Math.Abs(stored - reference) * scale <= tolerance);
        // Token columns are whole micro-tokens in both engines (micro / 1e6): compared exactly, however large.
        void Tokens(string column, double stored, double reference) =>
            Differs(column, stored, reference, Math.Round(stored * MicroTokens.PerToken) == Math.Round(reference * MicroTokens.PerToken));
        void Value<T>(string column, T stored, T reference)
        {
            if (!EqualityComparer<T>.Default.Equals(stored, reference))
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{column} {Show(stored)} vs {Show(reference)}"));
        }

        Value("order_id", s.OrderId, r.OrderId);
        Value("is_maker", s.IsMaker, r.IsMaker);
        Value("entry_time", s.EntryTime, r.EntryTime);
        Value("exit_time", s.ExitTime, r.ExitTime);
        Tokens("tokens", s.Tokens, r.Tokens);
        Number("entry_price", s.EntryPrice, r.EntryPrice);
        Number("cost_usd", s.CostUsd, r.CostUsd);
        Tokens("tokens_sold_early", s.TokensSoldEarly, r.TokensSoldEarly);
        Tokens("tokens_held", s.TokensHeld, r.TokensHeld);
        Number("exit_value", s.ExitValue, r.ExitValue);
        Number("pnl_usd", s.PnlUsd, r.PnlUsd);
        // roi = pnl / cost magnifies pnl's rounding when the lot cost less than 1 USD (a lot of 0.006 USD whose pnl
        // differs by 1.5e-8 has roi 2.3e-6 apart), so there the difference is weighed in USD, as the pnl it stands for.
        // From 1 USD on, and at a cost of exactly 0 (roi 0 by rule), roi itself is held to the tolerance.
        var cost = Math.Max(Math.Abs(s.CostUsd), Math.Abs(r.CostUsd));
        Number("roi", s.Roi, r.Roi, scale: cost is > 0 and < 1 ? cost : 1);
        Number("pct_sold_early", s.PctSoldEarly, r.PctSoldEarly);
        Number("payout_rate", s.PayoutRate, r.PayoutRate);
        Value("resolved_at", s.ResolvedAt, r.ResolvedAt);
        Value("is_closed", s.IsClosed, r.IsClosed);
        return parts.Count == 0 ? "" : "stored vs reference: " + string.Join("; ", parts);
    }

    private static string Show<T>(T value) => value switch
    {
        null => "NULL",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        _ => value.ToString() ?? "",
    };
}
