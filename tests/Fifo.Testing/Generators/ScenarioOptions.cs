namespace Fifo.Testing.Generators;

/// <summary>Shape of generated scenarios. Defaults give a few wallets with several positions each.</summary>
public sealed record ScenarioOptions
{
    public int MaxWallets { get; init; } = 3;
    public int MaxConditions { get; init; } = 3;
    public int MaxPositionsPerWallet { get; init; } = 4;
    public int MaxTradesPerPosition { get; init; } = 12;
    /// <summary>Also generate prices outside [0, 1] (counted as they are; the validator reports them).</summary>
    public bool PricesOutsideUnitInterval { get; init; } = true;
    /// <summary>Also generate resolution rows whose numerators cannot be parsed (the condition then counts as unresolved).</summary>
    public bool UnparseablePayouts { get; init; } = true;

    public static ScenarioOptions Default { get; } = new();

    /// <summary>Only prices in [0, 1] and parseable payouts: the inputs for which every spec invariant holds.</summary>
    public static ScenarioOptions WellFormed { get; } = new() { PricesOutsideUnitInterval = false, UnparseablePayouts = false };
}
