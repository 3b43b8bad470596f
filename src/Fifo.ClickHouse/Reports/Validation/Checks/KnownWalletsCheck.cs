using System.Globalization;
using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The configured known wallets: their stored lots recomputed by the reference engine and compared row by row, and
/// their total PnL against the figure they are known to have, where one is configured.
/// </summary>
public sealed class KnownWalletsCheck(IWalletSpotCheckService spotCheck, IOptions<ValidationOptions> options) : IValidationCheck
{
    private const int DescribedProblems = 5;

    public string Id => "known-wallets";
    public string Title => "Known-wallet spot checks";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var known = options.Value.KnownWallets;
        var problems = new List<string>();
        long lots = 0, differences = 0, pnlMisses = 0;
        foreach (var wallet in known)
        {
            var comparison = await spotCheck.CompareAsync(wallet.Wallet, cancellationToken);
            lots += comparison.StoredRows;
            differences += comparison.Differences.Count;
            problems.AddRange(comparison.Differences.Select(d => $"{d.Key}: {d.Description}"));
            if (wallet.ExpectedTotalPnl is { } expected)
            {
                var report = await spotCheck.GetAsync(wallet.Wallet, cancellationToken);
                if (!(Math.Abs(report.Totals.TotalPnl - expected) <= wallet.ToleranceUsd))
                {
                    pnlMisses++;
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{comparison.Wallet}: total pnl {report.Totals.TotalPnl:F2} USD, expected {expected:F2} ± {wallet.ToleranceUsd}"));
                }
            }
        }

        var figures = new Dictionary<string, double>
        {
            ["wallets"] = known.Count, ["stored_lots"] = lots, ["lot_differences"] = differences, ["pnl_mismatches"] = pnlMisses,
        };
        if (known.Count == 0)
            return new CheckOutcome(CheckStatus.Warn, $"No known wallets configured ({ValidationOptions.Section}:{nameof(ValidationOptions.KnownWallets)}).", figures);
        if (problems.Count == 0)
            return new CheckOutcome(CheckStatus.Pass, $"{known.Count} wallets, {lots:N0} stored lots: all match the reference engine.", figures);
        var shown = string.Join("; ", problems.Take(DescribedProblems)) + (problems.Count > DescribedProblems ? $"; … {problems.Count - DescribedProblems} more" : "");
        return new CheckOutcome(CheckStatus.Fail, $"{differences:N0} lot differences, {pnlMisses} total-PnL mismatches: {shown}", figures);
    }
}
