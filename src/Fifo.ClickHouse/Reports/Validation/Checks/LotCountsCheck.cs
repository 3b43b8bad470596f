using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Row counts by status: resolved and closed rows are stored, open lots never; a resolved lot is never closed.</summary>
public sealed class LotCountsCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "lot-counts";
    public string Title => "Stored lots by status";

    public async Task<CheckOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/lot_counts.sql", null, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["lots"] = r.Lots, ["resolved"] = r.Resolved, ["closed"] = r.Closed,
            ["open_stored"] = r.OpenStored, ["resolved_and_closed"] = r.ResolvedAndClosed,
        };
        if (r.OpenStored > 0 || r.ResolvedAndClosed > 0)
            return new CheckOutcome(CheckStatus.Fail,
                $"{r.OpenStored:N0} open lots are stored and {r.ResolvedAndClosed:N0} resolved lots are marked closed.", figures);
        if (r.Lots == 0)
            return new CheckOutcome(CheckStatus.Warn, "No lots are stored yet: run a backfill.", figures);
        return new CheckOutcome(CheckStatus.Pass, $"{r.Lots:N0} lots: {r.Resolved:N0} resolved, {r.Closed:N0} closed.", figures);
    }

    private sealed record Row(ulong Lots, ulong Resolved, ulong Closed, ulong OpenStored, ulong ResolvedAndClosed);
}
