using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>Row counts by status: resolved and closed rows are stored, open lots never; a resolved lot is never closed.</summary>
public sealed class LotCountsCheck : IValidationCheck
{
    public string Id => "lot-counts";
    public string Title => "Stored lots by status";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var s = await run.GetLotStatisticsAsync(cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["lots"] = s.Lots, ["resolved"] = s.Resolved, ["closed"] = s.Closed,
            ["open_stored"] = s.OpenStored, ["resolved_and_closed"] = s.ResolvedAndClosed,
        };
        if (s.OpenStored > 0 || s.ResolvedAndClosed > 0)
            return new CheckOutcome(CheckStatus.Fail,
                $"{s.OpenStored:N0} open lots are stored and {s.ResolvedAndClosed:N0} resolved lots are marked closed.", figures);
        if (s.Lots == 0)
            return new CheckOutcome(CheckStatus.Warn, "No lots are stored yet: run a backfill.", figures);
        return new CheckOutcome(CheckStatus.Pass, $"{s.Lots:N0} lots: {s.Resolved:N0} resolved, {s.Closed:N0} closed.", figures);
    }
}
