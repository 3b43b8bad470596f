using Fifo.Core.Lots;
using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Current resolution rows whose payout numerators cannot be used; their markets count as unresolved.</summary>
public sealed class PayoutFormatCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "payout-formats";
    public string Title => "Payout numerators parse";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/payout_formats.sql", new
        {
            empty_pattern = PayoutParser.EmptyPattern,
            payout_pattern = PayoutParser.Pattern,
            number_pattern = PayoutParser.NumberPattern,
        }, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["conditions"] = r.Conditions, ["unparseable"] = r.Unparseable, ["zero_sum"] = r.ZeroSum,
        };
        return r.Unparseable + r.ZeroSum == 0
            ? new CheckOutcome(CheckStatus.Pass, $"All {r.Conditions:N0} current resolutions have usable numerators (or none).", figures)
            : new CheckOutcome(CheckStatus.Warn,
                $"{r.Unparseable:N0} markets have unparseable numerators and {r.ZeroSum:N0} numerators summing to 0; they count as unresolved. "
                + "E.g. " + string.Join("; ", r.Examples), figures);
    }

    private sealed record Row(ulong Conditions, ulong Unparseable, ulong ZeroSum, string[] Examples);
}
