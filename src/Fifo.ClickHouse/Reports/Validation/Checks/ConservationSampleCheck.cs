using System.Globalization;
using Fifo.Core.Lots;
using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The spec's conservation identity on a sample of wallets, recomputed from the fills on the server: FIFO only moves
/// PnL between lots, so per resolved position and per wallet Σ pnl = cash flow + net tokens · payout.
/// </summary>
public sealed class ConservationSampleCheck(ReportQueries queries, IOptions<ValidationOptions> options) : IValidationCheck
{
    public string Id => "conservation";
    public string Title => "PnL conservation (sample of wallets)";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var r = await queries.QuerySingleAsync<Row>("Validation/conservation_sample.sql",
            new
            {
                sample_wallets = (uint)o.ConservationSampleWallets, tolerance = o.ConservationToleranceUsd,
                max_abs_usdc = CountedFills.MaxAbsUsdcDelta,
            }, cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["wallets"] = r.Wallets, ["positions"] = r.Positions, ["wallet_violations"] = r.WalletViolations,
            ["position_violations"] = r.PositionViolations, ["max_difference_usd"] = r.MaxDifference,
        };
        if (r.Wallets == 0)
            return new CheckOutcome(CheckStatus.Warn, "No resolved lots in the sample: nothing to check.", figures);
        var largest = r.MaxDifference.ToString("G6", CultureInfo.InvariantCulture);
        return r.WalletViolations == 0 && r.PositionViolations == 0
            ? new CheckOutcome(CheckStatus.Pass,
                $"Holds for {r.Wallets:N0} wallets / {r.Positions:N0} resolved positions (largest difference {largest} USD).", figures)
            : new CheckOutcome(CheckStatus.Fail,
                $"Broken for {r.WalletViolations:N0} of {r.Wallets:N0} wallets and {r.PositionViolations:N0} of {r.Positions:N0} positions (largest difference {largest} USD).", figures);
    }

    private sealed record Row(ulong Wallets, ulong Positions, ulong WalletViolations, ulong PositionViolations, double MaxDifference);
}
