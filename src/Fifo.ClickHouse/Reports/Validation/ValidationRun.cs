using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>
/// State of one validation report: the pass over all stored lots runs once, for the first check that needs it, and
/// the other checks reuse its figures (that first check's time includes the pass).
/// </summary>
public sealed class ValidationRun(ReportQueries queries, IOptions<ValidationOptions> validation, IOptions<FifoOptions> fifo)
{
    /// <summary>Tolerance of the per-row identities on sums of Float64.</summary>
    public const double IdentityToleranceUsd = 1e-6;

    private Task<LotStatistics>? lotStatistics;

    public Task<LotStatistics> GetLotStatisticsAsync(CancellationToken cancellationToken) =>
        lotStatistics ??= queries.QuerySingleAsync<LotStatistics>("Validation/lot_statistics.sql", new
        {
            tolerance = IdentityToleranceUsd,
            dust = fifo.Value.DustTokens,
            max_abs_pnl = validation.Value.MaxAbsLotPnlUsd,
        }, cancellationToken);
}
