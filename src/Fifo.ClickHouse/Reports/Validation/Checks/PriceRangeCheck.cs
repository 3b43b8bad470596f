using Fifo.Core.Lots;
using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// Prices outside [0, 1] are counted as they are (the spec) and reported here: fills and stored lots. Fill rows the
/// engines leave out for an unusable amount (not finite, or an absurd usdc_delta) are reported too.
/// </summary>
public sealed class PriceRangeCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "price-range";
    public string Title => "Prices within [0, 1]";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var fills = await queries.QuerySingleAsync<Row>("Validation/price_range.sql",
            new { max_abs_usdc = CountedFills.MaxAbsUsdcDelta }, cancellationToken);
        var lots = (await run.GetLotStatisticsAsync(cancellationToken)).PricesOutside;
        var figures = new Dictionary<string, double>
        {
            ["fills_outside"] = fills.FillsOutside, ["lots_outside"] = lots, ["fills_unusable"] = fills.FillsUnusable,
        };
        if (fills.FillsOutside + lots + fills.FillsUnusable == 0)
            return new CheckOutcome(CheckStatus.Pass, "Every counted fill and stored lot has a price within [0, 1].", figures);
        var message = $"{fills.FillsOutside:N0} counted fill rows and {lots:N0} stored lots have a price outside [0, 1] (counted as they are).";
        if (fills.FillsUnusable > 0)
            message += $" {fills.FillsUnusable:N0} fill rows are left out: an amount is not finite or usdc_delta is {CountedFills.MaxAbsUsdcDelta:G} or more.";
        return new CheckOutcome(CheckStatus.Warn, message, figures);
    }

    private sealed record Row(ulong FillsOutside, ulong FillsUnusable);
}
