using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Wallets;

/// <summary>Reads one wallet's stored lots, fills and resolutions (wallet as a query parameter) and recomputes it.</summary>
public sealed class WalletDataReader(ReportQueries queries, IOptions<FifoOptions> fifoOptions, ILogger<WalletDataReader> logger)
{
    /// <exception cref="ArgumentException">Not a wallet address.</exception>
    public async Task<WalletData> ReadAsync(string wallet, CancellationToken cancellationToken)
    {
        var normalized = WalletAddress.Normalize(wallet);
        var parameters = new { wallet = normalized };
        var stored = await queries.QueryAsync<LotRow>("wallet_lots.sql", parameters, cancellationToken);
        var fills = await queries.QueryAsync<Fill>("wallet_fills.sql", parameters, cancellationToken);
        var resolutionRows = await queries.QueryAsync<Resolution>("wallet_resolutions.sql", parameters, cancellationToken);

        var resolutions = ResolutionSelector.Select(resolutionRows);
        foreach (var problem in resolutions.Problems)
            logger.LogWarning("Condition {ConditionId} counts as unresolved: payout numerators '{Numerators}' are unusable ({Reason})",
                problem.ConditionId, problem.Text, problem.Reason);
        var reference = FifoReferenceEngine.Compute(fills, resolutions.Payouts, fifoOptions.Value);
        return new WalletData(normalized, fills.Count, stored, reference);
    }
}
