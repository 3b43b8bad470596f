using System.Globalization;
using System.Text;
using Fifo.Core.Model;

namespace Fifo.Testing.Generators;

/// <summary>
/// Generated input for both FIFO engines: raw fill rows (duplicates, self-fills, non-CLOB and zero-wallet rows
/// included, as the fills table may hold them) and raw resolution rows (history, deletions, every numerator format).
/// Wallet and condition ids are random hex, so scenarios can be merged and loaded into one database side by side.
/// </summary>
public sealed record FifoScenario(IReadOnlyList<Fill> Fills, IReadOnlyList<Resolution> Resolutions)
{
    /// <summary>Distinct wallets of the fills, zero address included when present.</summary>
    public IReadOnlyList<string> Wallets => Fills.Select(f => f.Wallet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static FifoScenario Merge(IEnumerable<FifoScenario> scenarios)
    {
        var list = scenarios.ToList();
        return new FifoScenario(list.SelectMany(s => s.Fills).ToList(), list.SelectMany(s => s.Resolutions).ToList());
    }

    /// <summary>One line per row, so a failing property shows its counterexample readably.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Fills.Count} fills, {Resolutions.Count} resolutions").AppendLine();
        foreach (var f in Fills)
            text.Append(CultureInfo.InvariantCulture,
                $"  fill {f.FillId} w={f.Wallet[..8]} c={f.ConditionId[..8]} o={f.OutcomeIndex} tokens={f.TokensDelta:R} usdc={f.UsdcDelta:R} t={f.EventTime:yyyy-MM-dd HH:mm:ss} src={f.Source} maker={(f.IsMaker ? 1 : 0)} self={(f.IsSelfFill ? 1 : 0)} v={f.Version}").AppendLine();
        foreach (var r in Resolutions)
            text.Append(CultureInfo.InvariantCulture,
                $"  resolution c={r.ConditionId[..8]} num='{r.PayoutNumerators}' at={r.ResolvedAt:yyyy-MM-dd HH:mm:ss} deleted={(r.IsDeleted ? 1 : 0)} inserted={r.InsertTime:yyyy-MM-dd HH:mm:ss}").AppendLine();
        return text.ToString();
    }
}
