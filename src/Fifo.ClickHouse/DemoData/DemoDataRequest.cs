namespace Fifo.ClickHouse.DemoData;

/// <summary>
/// Size and seed of a synthetic data set. The same values always produce the same rows.
/// <see cref="AllowNonEmpty"/>: by default the generator only writes into empty source tables, so a real deployment's
/// data is never mixed with invented trades by accident.
/// </summary>
public sealed record DemoDataRequest
{
    public const int DefaultWallets = 5_000;
    public const int DefaultMarkets = 1_000;
    public const long DefaultFills = 1_000_000;
    public const ulong DefaultSeed = 42;

    public int Wallets { get; init; } = DefaultWallets;
    public int Markets { get; init; } = DefaultMarkets;
    public long Fills { get; init; } = DefaultFills;
    public ulong Seed { get; init; } = DefaultSeed;
    public bool AllowNonEmpty { get; init; }

    /// <summary>Problems with the sizes, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Wallets < 1)
            problems.Add($"wallets must be at least 1, got {Wallets}");
        if (Markets < 1)
            problems.Add($"markets must be at least 1, got {Markets}");
        if (Fills is < 0 or > 2_000_000_000)
            problems.Add($"fills must be between 0 and 2,000,000,000, got {Fills}");
        return problems;
    }
}
