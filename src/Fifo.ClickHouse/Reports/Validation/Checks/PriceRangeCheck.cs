using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Prices outside [0, 1] are counted as they are (the spec) and reported here.</summary>
public sealed class PriceRangeCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "price-range";
    public string Title => "Prices within [0, 1]";

    public async Task<CheckOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/price_range.sql", null, cancellationToken);
        var figures = new Dictionary<string, double> { ["fills_outside"] = r.FillsOutside, ["lots_outside"] = r.LotsOutside };
        return r.FillsOutside + r.LotsOutside == 0
            ? new CheckOutcome(CheckStatus.Pass, "Every counted fill and stored lot has a price within [0, 1].", figures)
            : new CheckOutcome(CheckStatus.Warn,
                $"{r.FillsOutside:N0} counted fill rows and {r.LotsOutside:N0} stored lots have a price outside [0, 1] (counted as they are).", figures);
    }

    private sealed record Row(ulong FillsOutside, ulong LotsOutside);
}
