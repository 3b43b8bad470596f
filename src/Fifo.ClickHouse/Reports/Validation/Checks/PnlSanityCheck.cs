using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Whether the stored PnL looks plausible as a whole (expectations from the "Validation" section).</summary>
public sealed class PnlSanityCheck(ReportQueries queries, IOptions<ValidationOptions> options) : IValidationCheck
{
    public string Id => "pnl-sanity";
    public string Title => "PnL sanity";

    public async Task<CheckOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var r = await queries.QuerySingleAsync<Row>("Validation/pnl_sanity.sql", new { max_abs_pnl = o.MaxAbsLotPnlUsd }, cancellationToken);
        var winRate = r.Lots == 0 ? 0 : (double)r.Wins / r.Lots;
        var roi = r.TotalCost > 0 ? r.TotalPnl / r.TotalCost : 0;
        var figures = new Dictionary<string, double>
        {
            ["lots"] = r.Lots, ["total_pnl"] = r.TotalPnl, ["total_cost"] = r.TotalCost, ["win_rate"] = winRate,
            ["total_roi"] = roi, ["extreme_lots"] = r.ExtremeLots, ["non_finite"] = r.NonFinite,
            ["min_pnl"] = r.MinPnl, ["max_pnl"] = r.MaxPnl,
        };
        if (r.NonFinite > 0)
            return new CheckOutcome(CheckStatus.Fail, $"{r.NonFinite:N0} lots have a non-finite pnl, cost, exit value or ROI.", figures);
        if (r.Lots == 0)
            return new CheckOutcome(CheckStatus.Warn, "No lots to judge.", figures);

        var concerns = new List<string>();
        if (winRate < o.MinWinRate || winRate > o.MaxWinRate)
            concerns.Add($"win rate {winRate:P1} is outside [{o.MinWinRate:P0}, {o.MaxWinRate:P0}]");
        if (roi < o.MinTotalRoi || roi > o.MaxTotalRoi)
            concerns.Add($"total ROI {roi:P1} is outside [{o.MinTotalRoi:P0}, {o.MaxTotalRoi:P0}]");
        if (r.ExtremeLots > 0)
            concerns.Add($"{r.ExtremeLots:N0} lots have |pnl| above {o.MaxAbsLotPnlUsd:N0} USD");
        var summary = $"Σ pnl {r.TotalPnl:N2} USD on Σ cost {r.TotalCost:N2} USD (ROI {roi:P1}), win rate {winRate:P1}";
        return concerns.Count == 0
            ? new CheckOutcome(CheckStatus.Pass, summary + ".", figures)
            : new CheckOutcome(CheckStatus.Warn, summary + "; " + string.Join("; ", concerns) + ".", figures);
    }

    private sealed record Row(ulong Lots, double TotalPnl, double TotalCost, ulong Wins, ulong ExtremeLots, ulong NonFinite, double MinPnl, double MaxPnl);
}
