using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Whether the stored PnL looks plausible as a whole (expectations from the "Validation" section).</summary>
public sealed class PnlSanityCheck(IOptions<ValidationOptions> options) : IValidationCheck
{
    public string Id => "pnl-sanity";
    public string Title => "PnL sanity";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var s = await run.GetLotStatisticsAsync(cancellationToken);
        var winRate = s.Lots == 0 ? 0 : (double)s.Wins / s.Lots;
        var roi = s.TotalCost > 0 ? s.TotalPnl / s.TotalCost : 0;
        var figures = new Dictionary<string, double>
        {
            ["lots"] = s.Lots, ["total_pnl"] = s.TotalPnl, ["total_cost"] = s.TotalCost, ["win_rate"] = winRate,
            ["total_roi"] = roi, ["extreme_lots"] = s.ExtremeLots, ["non_finite"] = s.NonFinite,
            ["min_pnl"] = s.MinPnl, ["max_pnl"] = s.MaxPnl,
        };
        if (s.NonFinite > 0)
            return new CheckOutcome(CheckStatus.Fail, $"{s.NonFinite:N0} lots have a non-finite pnl, cost, exit value or ROI.", figures);
        if (s.Lots == 0)
            return new CheckOutcome(CheckStatus.Warn, "No lots to judge.", figures);

        var concerns = new List<string>();
        if (winRate < o.MinWinRate || winRate > o.MaxWinRate)
            concerns.Add($"win rate {winRate:P1} is outside [{o.MinWinRate:P0}, {o.MaxWinRate:P0}]");
        if (roi < o.MinTotalRoi || roi > o.MaxTotalRoi)
            concerns.Add($"total ROI {roi:P1} is outside [{o.MinTotalRoi:P0}, {o.MaxTotalRoi:P0}]");
        if (s.ExtremeLots > 0)
            concerns.Add($"{s.ExtremeLots:N0} lots have |pnl| above {o.MaxAbsLotPnlUsd:N0} USD");
        var summary = $"Σ pnl {s.TotalPnl:N2} USD on Σ cost {s.TotalCost:N2} USD (ROI {roi:P1}), win rate {winRate:P1}";
        return concerns.Count == 0
            ? new CheckOutcome(CheckStatus.Pass, summary + ".", figures)
            : new CheckOutcome(CheckStatus.Warn, summary + "; " + string.Join("; ", concerns) + ".", figures);
    }
}
