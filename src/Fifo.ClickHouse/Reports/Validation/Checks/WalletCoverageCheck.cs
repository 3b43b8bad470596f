using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// Every wallet with counted fills should have a committed computation, and no computation should hold lots without
/// counted fills behind them.
/// </summary>
public sealed class WalletCoverageCheck(ReportQueries queries, IOptions<ValidationOptions> options) : IValidationCheck
{
    public string Id => "wallet-coverage";
    public string Title => "Wallet coverage";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var r = await queries.QuerySingleAsync<Row>("Validation/wallet_coverage.sql", null, cancellationToken);
        var coverage = r.Discovered == 0 ? 1 : (double)(r.Discovered - r.Missing) / r.Discovered;
        var figures = new Dictionary<string, double>
        {
            ["discovered"] = r.Discovered, ["computed"] = r.Computed, ["missing"] = r.Missing,
            ["without_fills"] = r.WithoutFills, ["coverage"] = coverage,
        };
        var message = $"{r.Discovered - r.Missing:N0} of {r.Discovered:N0} wallets with counted fills are computed ({coverage:P2})"
            + (r.WithoutFills > 0 ? $"; {r.WithoutFills:N0} computed wallets have lots but no counted fill." : ".");
        var status = r.Missing == 0 && r.WithoutFills == 0 ? CheckStatus.Pass
            : coverage >= options.Value.MinWalletCoverage ? CheckStatus.Warn
            : CheckStatus.Fail;
        return new CheckOutcome(status, message, figures);
    }

    private sealed record Row(ulong Discovered, ulong Missing, ulong Computed, ulong WithoutFills);
}
