using System.Globalization;
using System.Text;

namespace Fifo.Bench;

/// <summary>Everything one benchmark run measured, and its markdown rendering.</summary>
internal sealed record BenchFigures
{
    public required string Machine { get; init; }
    public required string Command { get; init; }
    public required long FillRows { get; init; }
    public required long Wallets { get; init; }
    public TimeSpan? DemoDataTime { get; init; }
    public required int Rounds { get; init; }
    public required TimeSpan BackfillTime { get; init; }
    public required long LotsWritten { get; init; }
    public required int Batches { get; init; }
    public required int Workers { get; init; }
    public required long EnginePeakRssBytes { get; init; }
    public LegacyResult? Legacy { get; init; }
    /// <summary>The incremental scenarios measured (--incremental), in the order they ran.</summary>
    public IReadOnlyList<IncrementalResult> Incremental { get; init; } = [];
    public TimeSpan? LeaderboardMedian { get; init; }
    public TimeSpan? ValidationTime { get; init; }
    public string? ValidationOutcome { get; init; }

    public double FillsPerSecond => FillRows / BackfillTime.TotalSeconds;
    public double WalletsPerMinute => Wallets / BackfillTime.TotalMinutes;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"### {FillRows:N0} fill rows, {Wallets:N0} wallets — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(c, $"Machine: {Machine}  ");
        text.AppendLine(c, $"Command: `{Command}`");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        if (DemoDataTime is { } demo)
            text.AppendLine(c, $"| demo data generation | {demo.TotalSeconds:F1} s |");
        text.AppendLine(c, $"| full backfill (SQL FIFO engine, {Workers} workers, {Batches} batches; best of {Rounds}) | {BackfillTime.TotalSeconds:F2} s |");
        text.AppendLine(c, $"| fills/s | {FillsPerSecond:N0} |");
        text.AppendLine(c, $"| wallets/min | {WalletsPerMinute:N0} |");
        text.AppendLine(c, $"| lots written | {LotsWritten:N0} |");
        text.AppendLine(c, $"| peak RSS of the engine process during the backfills | {EnginePeakRssBytes / 1024.0 / 1024 / 1024:F2} GB |");
        if (Legacy is { } legacy)
        {
            text.AppendLine(c, $"| legacy method ({legacy.Batches:N0} IN-list batches, {Workers} workers; best of {Rounds}) | {legacy.Elapsed.TotalSeconds:F2} s = {FillRows / legacy.Elapsed.TotalSeconds:N0} fills/s |");
            text.AppendLine(c, $"| **speed-up over legacy, same data and engine** | **{legacy.Elapsed.TotalSeconds / BackfillTime.TotalSeconds:F2}×** |");
        }
        foreach (var incremental in Incremental)
            AppendIncremental(text, incremental);
        if (LeaderboardMedian is { } board)
            text.AppendLine(c, $"| leaderboard top-100 (median of 7) | {board.TotalMilliseconds:F1} ms |");
        if (ValidationTime is { } validation)
            text.AppendLine(c, $"| validation report ({ValidationOutcome}) | {validation.TotalSeconds:F2} s |");
        return text.ToString();
    }

    /// <summary>Rows of one incremental scenario; its time as a share of the best full backfill, the same yardstick for every scenario.</summary>
    private void AppendIncremental(StringBuilder text, IncrementalResult incremental)
    {
        var c = CultureInfo.InvariantCulture;
        var scenario = incremental.Scenario;
        if (incremental.BaselineTime is { } baseline)
            text.AppendLine(c, $"| full backfill again, as the {scenario.Name} scenario's baseline (outputs reset) | {baseline.TotalSeconds:F2} s |");
        text.AppendLine(c, $"| {scenario.Title} ({scenario.Description}): new fills, wallets recomputed | {incremental.NewFills:N0} new fills ({100.0 * incremental.NewFills / FillRows:F1}%); {incremental.Wallets:N0} of {Wallets:N0} wallets ({incremental.FillsRead:N0} fill rows read) |");
        text.AppendLine(c, $"| {scenario.Title}: run time | {incremental.Elapsed.TotalSeconds:F2} s = **{100 * incremental.Elapsed.TotalSeconds / BackfillTime.TotalSeconds:F1}%** of the full backfill |");
    }
}

/// <summary>
/// The incremental run after one scenario's new fills; <paramref name="BaselineTime"/> is the full backfill run just
/// before it as its baseline, or null when the baseline is the last full round.
/// </summary>
internal sealed record IncrementalResult(
    IncrementalScenario Scenario, long NewFills, long Wallets, long FillsRead, TimeSpan Elapsed, TimeSpan? BaselineTime);
