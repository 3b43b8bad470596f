using Fifo.Core.Options;
using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The spec's per-row identities: sold early + held = tokens, pnl = exit − cost, roi = pnl / cost, long ROI ≥ −1,
/// short cost ≥ 0 (for prices in [0, 1]), pct in [0, 100], closed lots below the dust.
/// </summary>
public sealed class RowIdentitiesCheck(ReportQueries queries, IOptions<FifoOptions> fifo) : IValidationCheck
{
    private const double ToleranceUsd = 1e-6;

    public string Id => "row-identities";
    public string Title => "Per-lot identities";

    public async Task<CheckOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/row_identities.sql",
            new { tolerance = ToleranceUsd, dust = fifo.Value.DustTokens }, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["lots"] = r.Lots, ["non_positive_tokens"] = r.NonPositiveTokens, ["tokens_mismatch"] = r.TokensMismatch,
            ["pnl_mismatch"] = r.PnlMismatch, ["roi_mismatch"] = r.RoiMismatch,
            ["long_roi_below_minus_one"] = r.LongRoiBelowMinusOne, ["negative_short_cost"] = r.NegativeShortCost,
            ["pct_out_of_range"] = r.PctOutOfRange, ["closed_above_dust"] = r.ClosedAboveDust,
        };
        var broken = figures.Where(f => f.Key != "lots" && f.Value > 0).Select(f => $"{f.Key} {f.Value:N0}").ToList();
        return broken.Count == 0
            ? new CheckOutcome(CheckStatus.Pass, $"All identities hold on {r.Lots:N0} lots.", figures)
            : new CheckOutcome(CheckStatus.Fail, "Lots breaking an identity: " + string.Join(", ", broken) + ".", figures);
    }

    private sealed record Row(
        ulong Lots, ulong NonPositiveTokens, ulong TokensMismatch, ulong PnlMismatch, ulong RoiMismatch,
        ulong LongRoiBelowMinusOne, ulong NegativeShortCost, ulong PctOutOfRange, ulong ClosedAboveDust);
}
