using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The spec's per-row identities: sold early + held = tokens, pnl = exit − cost, roi = pnl / cost, long ROI ≥ −1,
/// short cost ≥ 0 (for prices in [0, 1]), pct in [0, 100], closed lots below the dust.
/// </summary>
public sealed class RowIdentitiesCheck : IValidationCheck
{
    public string Id => "row-identities";
    public string Title => "Per-lot identities";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var s = await run.GetLotStatisticsAsync(cancellationToken);
        var broken = new Dictionary<string, double>
        {
            ["non_positive_tokens"] = s.NonPositiveTokens, ["tokens_mismatch"] = s.TokensMismatch,
            ["pnl_mismatch"] = s.PnlMismatch, ["roi_mismatch"] = s.RoiMismatch,
            ["long_roi_below_minus_one"] = s.LongRoiBelowMinusOne, ["negative_short_cost"] = s.NegativeShortCost,
            ["pct_out_of_range"] = s.PctOutOfRange, ["closed_above_dust"] = s.ClosedAboveDust,
        };
        var failing = broken.Where(f => f.Value > 0).Select(f => $"{f.Key} {f.Value:N0}").ToList();
        var figures = new Dictionary<string, double>(broken) { ["lots"] = s.Lots };
        return failing.Count == 0
            ? new CheckOutcome(CheckStatus.Pass, $"All identities hold on {s.Lots:N0} lots.", figures)
            : new CheckOutcome(CheckStatus.Fail, "Lots breaking an identity: " + string.Join(", ", failing) + ".", figures);
    }
}
