using Fifo.Core.Lots;
using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// Stored lots against their condition's current resolution: resolved lots of a market that is not resolved (fail),
/// resolved lots with another payout or resolution time (fail), and unresolved lots of a market resolved since the
/// lots were computed (warn: the next incremental run picks them up).
/// </summary>
public sealed class ResolutionConsistencyCheck(ReportQueries queries) : IValidationCheck
{
    public string Id => "resolution-consistency";
    public string Title => "Lots agree with market resolutions";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/resolution_consistency.sql",
            new { payout_pattern = PayoutParser.Pattern, number_pattern = PayoutParser.NumberPattern }, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["resolved_lots_unresolved_market"] = r.ResolvedLotsUnresolvedMarket,
            ["conditions_resolved_lots_unresolved_market"] = r.ConditionsResolvedLotsUnresolvedMarket,
            ["unresolved_lots_resolved_market"] = r.UnresolvedLotsResolvedMarket,
            ["conditions_unresolved_lots_resolved_market"] = r.ConditionsUnresolvedLotsResolvedMarket,
            ["payout_mismatch"] = r.PayoutMismatch,
            ["resolved_at_mismatch"] = r.ResolvedAtMismatch,
        };
        if (r.ResolvedLotsUnresolvedMarket > 0 || r.PayoutMismatch > 0 || r.ResolvedAtMismatch > 0)
            return new CheckOutcome(CheckStatus.Fail,
                $"{r.ResolvedLotsUnresolvedMarket:N0} lots carry resolved_at in {r.ConditionsResolvedLotsUnresolvedMarket:N0} markets that are not resolved; "
                + $"{r.PayoutMismatch:N0} resolved lots have another payout rate and {r.ResolvedAtMismatch:N0} another resolution time than the market now has.",
                figures);
        if (r.UnresolvedLotsResolvedMarket > 0)
            return new CheckOutcome(CheckStatus.Warn,
                $"{r.UnresolvedLotsResolvedMarket:N0} lots in {r.ConditionsUnresolvedLotsResolvedMarket:N0} markets resolved since they were computed: run an incremental backfill.",
                figures);
        return new CheckOutcome(CheckStatus.Pass, "Every lot's resolution matches its market.", figures);
    }

    private sealed record Row(
        ulong ResolvedLotsUnresolvedMarket, ulong ConditionsResolvedLotsUnresolvedMarket,
        ulong UnresolvedLotsResolvedMarket, ulong ConditionsUnresolvedLotsResolvedMarket,
        ulong PayoutMismatch, ulong ResolvedAtMismatch);
}
