using Fifo.Core.Reports;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation.Checks;

/// <summary>
/// The leaderboard's top 100 answers within the configured time. Asked twice: the first call of a process also pays
/// for code and connection warm-up, which the leaderboard page does not see on later requests; the second is judged.
/// </summary>
public sealed class LeaderboardTimeCheck(ILeaderboardService leaderboard, IOptions<ValidationOptions> options) : IValidationCheck
{
    public const int Top = 100;

    public string Id => "leaderboard-time";
    public string Title => "Leaderboard query time";

    public async Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken)
    {
        var limit = options.Value.LeaderboardMaxQueryTime;
        var first = await leaderboard.GetAsync(new LeaderboardQuery(Top), cancellationToken);
        var warm = await leaderboard.GetAsync(new LeaderboardQuery(Top), cancellationToken);
        var figures = new Dictionary<string, double>
        {
            ["query_ms"] = warm.QueryTime.TotalMilliseconds, ["first_query_ms"] = first.QueryTime.TotalMilliseconds,
            ["limit_ms"] = limit.TotalMilliseconds, ["entries"] = warm.Entries.Count,
        };
        var message = $"Top {Top} by PnL in {warm.QueryTime.TotalMilliseconds:F1} ms (first call {first.QueryTime.TotalMilliseconds:F1} ms; "
            + $"limit {limit.TotalMilliseconds:F0} ms), {warm.Entries.Count} wallets.";
        return new CheckOutcome(warm.QueryTime <= limit ? CheckStatus.Pass : CheckStatus.Warn, message, figures);
    }
}
