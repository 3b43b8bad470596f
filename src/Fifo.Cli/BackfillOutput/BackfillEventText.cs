using System.Globalization;
using Fifo.Core.Backfill;

namespace Fifo.Cli.BackfillOutput;

/// <summary>One readable line per backfill event, for the log file and for stderr when it is not a terminal.</summary>
internal static class BackfillEventText
{
    public static string Describe(BackfillEvent e) => e switch
    {
        RunStarted s => Text($"run {s.RunId} started: {s.Mode.ToString().ToLowerInvariant()}, wallets {s.WalletRange}, {s.Workers} workers, {s.BatchesTotal} batches, {s.WalletsTotal:N0} wallets, {s.FillsTotal:N0} fills"),
        BatchStarted s => Text($"batch {s.BatchNo} started on worker {s.Worker} (attempt {s.Attempt}): {s.FirstWallet}..{s.LastWallet}, {s.Wallets:N0} wallets, {s.Fills:N0} fills"),
        BatchFinished f => Text($"batch {f.BatchNo} finished: {f.Wallets:N0} wallets, {f.Fills:N0} fills, {f.RowsWritten:N0} rows in {f.Duration.TotalSeconds:N2} s ({Rate(f.Fills, f.Duration)} fills/s)"),
        BatchRetried { Split: true } r => Text($"batch {r.BatchNo} attempt {r.Attempt} too big, splitting it in two: {r.Error}"),
        BatchRetried r => Text($"batch {r.BatchNo} attempt {r.Attempt} failed, retrying in {r.Delay.TotalSeconds:N1} s: {r.Error}"),
        BatchFailed f => Text($"batch {f.BatchNo} FAILED after {f.Attempts} attempts: {f.Error}"),
        RunProgress p => Progress(p.Progress),
        RunStateChanged c => Text($"run {c.RunId} {c.State.ToString().ToLowerInvariant()}{(c.Message is null ? "" : ": " + c.Message)}"),
        _ => e.ToString(),
    };

    public static string Progress(ProgressSnapshot p) =>
        Text($"progress: {p.BatchesDone}/{p.BatchesTotal} batches ({p.BatchesFailed} failed), {p.FillsDone:N0}/{p.FillsTotal:N0} fills, {p.RowsWritten:N0} rows, {p.FillsPerSecond:N0} fills/s, {p.WalletsPerMinute:N0} wallets/min, {p.Retries} retries, elapsed {Duration(p.Elapsed)}, ETA {(p.Eta is { } eta ? Duration(eta) : "-")}");

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? Text($"{(int)t.TotalHours}h{t.Minutes:00}m{t.Seconds:00}s")
        : t.TotalMinutes >= 1 ? Text($"{t.Minutes}m{t.Seconds:00}s")
        : Text($"{t.TotalSeconds:N1}s");

    private static string Rate(long fills, TimeSpan duration) =>
        (fills / Math.Max(duration.TotalSeconds, 1e-3)).ToString("N0", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
