using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>The leaderboard's top 100 answers within the configured time.</summary>
public sealed class LeaderboardTimeCheck(ILeaderboardService leaderboard, IOptions<ValidationOptions> options) : IValidationCheck
{
    public const int Top = 100;

    public string Id => "leaderboard-time";
    public string Title => "Leaderboard query time";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var limit = options.Value.LeaderboardMaxQueryTime;
        var result = await leaderboard.GetAsync(new LeaderboardQuery(Top), cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["query_ms"] = result.QueryTime.TotalMilliseconds, ["limit_ms"] = limit.TotalMilliseconds, ["entries"] = result.Entries.Count,
        };
        var message = $"Top {Top} by PnL in {result.QueryTime.TotalMilliseconds:F1} ms (limit {limit.TotalMilliseconds:F0} ms), {result.Entries.Count} wallets.";
        return new CheckOutcome(result.QueryTime <= limit ? CheckStatus.Pass : CheckStatus.Warn, message, figures);
    }
}
