using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Prices outside [0, 1] are counted as they are (the spec) and reported here: fills and stored lots.</summary>
public sealed class PriceRangeCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "price-range";
    public string Title => "Prices within [0, 1]";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var fills = await queries.QuerySingleAsync<ulong>("Validation/price_range.sql", null, cancellationToken);
        var lots = (await run.GetLotStatisticsAsync(cancellationToken)).PricesOutside;
        var figures = new Dictionary<string, double> { ["fills_outside"] = fills, ["lots_outside"] = lots };
        return fills + lots == 0
            ? new CheckOutcome(CheckStatus.Pass, "Every counted fill and stored lot has a price within [0, 1].", figures)
            : new CheckOutcome(CheckStatus.Warn,
                $"{fills:N0} counted fill rows and {lots:N0} stored lots have a price outside [0, 1] (counted as they are).", figures);
    }
}
