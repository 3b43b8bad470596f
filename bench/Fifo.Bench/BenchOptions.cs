using System.Globalization;
using Fifo.Core.Options;

namespace Fifo.Bench;

/// <summary>Command line of the benchmark; see bench/README.md.</summary>
internal sealed record BenchOptions
{
    public long Fills { get; init; } = 1_000_000;
    /// <summary>Demo wallets; default one per 200 fills.</summary>
    public int? Wallets { get; init; }
    /// <summary>Demo markets; default one per 500 fills, at least 100.</summary>
    public int? Markets { get; init; }
    public ulong Seed { get; init; } = 42;
    public int Workers { get; init; } = 2;
    /// <summary>Fills per batch of the backfill; default half of each worker's share, between 250k and the orchestrator's 2M.</summary>
    public long? BatchFills { get; init; }
    /// <summary>Wallets per batch of the legacy method (the seed used 100).</summary>
    public int LegacyBatchWallets { get; init; } = 100;
    public string? DataDir { get; init; }
    /// <summary>Delete the data directory first, so demo data is generated again.</summary>
    public bool Fresh { get; init; }
    public bool SkipLegacy { get; init; }
    /// <summary>After the full rounds, measure an incremental run after each scenario's 1% new fills (IncrementalScenario).</summary>
    public bool Incremental { get; init; }
    /// <summary>Alternating rounds of both methods; the best time of each is reported.</summary>
    public int Rounds { get; init; } = 2;
    /// <summary>Also append the figures (markdown) to this file.</summary>
    public string? Output { get; init; }

    /// <summary>--batch-fills, else the product's default (Backfill:BatchFills): the planner already gives every worker batches.</summary>
    public long EffectiveBatchFills => BatchFills ?? new BackfillOptions().BatchFills;
    public int EffectiveWallets => Wallets ?? (int)Math.Max(10, Fills / 200);
    public int EffectiveMarkets => Markets ?? (int)Math.Max(100, Fills / 500);
    public string EffectiveDataDir => DataDir ?? Path.Combine(Path.GetTempPath(), "fifo-bench", $"fills-{Fills}-seed-{Seed}");

    public const string Usage = """
        fifo-bench [--fills N] [--wallets N] [--markets N] [--seed N] [--workers N] [--batch-fills N]
                   [--legacy-batch-wallets N] [--rounds N] [--data-dir DIR] [--fresh] [--skip-legacy] [--incremental] [--output FILE]
        """;

    /// <exception cref="ArgumentException">An unknown option or a value that is not a positive number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--fills" => options with { Fills = Positive(args[i], Value()) },
                "--wallets" => options with { Wallets = (int)Positive(args[i], Value()) },
                "--markets" => options with { Markets = (int)Positive(args[i], Value()) },
                "--seed" => options with { Seed = (ulong)Positive(args[i], Value()) },
                "--workers" => options with { Workers = (int)Positive(args[i], Value()) },
                "--batch-fills" => options with { BatchFills = Positive(args[i], Value()) },
                "--legacy-batch-wallets" => options with { LegacyBatchWallets = (int)Positive(args[i], Value()) },
                "--data-dir" => options with { DataDir = Value() },
                "--fresh" => options with { Fresh = true },
                "--skip-legacy" => options with { SkipLegacy = true },
                "--incremental" => options with { Incremental = true },
                "--rounds" => options with { Rounds = (int)Positive(args[i], Value()) },
                "--output" => options with { Output = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static long Positive(string option, string value) =>
        long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} expects a positive whole number, got '{value}'.");
}
