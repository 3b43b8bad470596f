namespace Fifo.Testing.Generators;

/// <summary>What a trade does; amounts relative to holdings are resolved when the scenario is materialised.</summary>
internal enum TradeKind { Buy, Sell, SellPartOfHoldings, SellAllHoldings, CoverAllShorts, Dust }

/// <summary>Extra raw rows generated around a trade, each exercising one counting rule.</summary>
internal enum RowExtra
{
    None,
    /// <summary>An older _version of the same fill_id with other amounts (must be ignored).</summary>
    OlderVersionDiffers,
    /// <summary>An unmerged identical copy (same _version).</summary>
    IdenticalCopy,
    /// <summary>The newest _version turns the fill into a non-counting row (non-CLOB), so the fill does not count at all.</summary>
    NewestVersionNotCounted,
    /// <summary>The wallet traded with itself: the taker leg counts, the maker leg (opposite side) does not.</summary>
    SelfFill,
    /// <summary>A non-CLOB row (split/merge/redeem) in the same position.</summary>
    NonClobTwin,
    /// <summary>The same trade by the zero address.</summary>
    ZeroWalletTwin,
    /// <summary>A row below one micro-token.</summary>
    SubMicroTokenTwin,
    /// <summary>
    /// One to three older _versions of the fill_id moved to another time or position, with other amounts. They differ
    /// from the newest row in the fills table's sort key, so FINAL cannot merge them: the engines' own dedup must.
    /// </summary>
    OlderVersionsMoved,
    /// <summary>
    /// A row of the same fill_id and _version with a lower block_number, a later event_time and other amounts, in the
    /// same position or another: the block_number decides (docs/FIFO-RULES.md), and the later time would pick the
    /// wrong row if it were ignored.
    /// </summary>
    EqualVersionLowerBlock,
}

internal sealed record TradePlan(
    TradeKind Kind, long MicroTokens, int PartPercent, double Price, int SecondsAfterPrevious, bool IsMaker, RowExtra Extra, ulong Salt);

/// <param name="AmountScale">Multiplies the position's bought and sold amounts (not its dust): 1, or in a whale's
/// positions 1e4 to 1e6 (up to a billion tokens and USD per fill).</param>
internal sealed record PositionPlan(
    int WalletIndex, int ConditionIndex, byte OutcomeIndex, int StartSecond, long AmountScale, IReadOnlyList<TradePlan> Trades);

/// <summary>How a resolution row's times relate to the previous row of its condition.</summary>
internal enum ResolutionTie
{
    /// <summary>Inserted later (the usual history).</summary>
    None,
    /// <summary>The same insert_time: resolved_at decides, then the numerators text.</summary>
    SameInsertTime,
    /// <summary>The same insert_time and resolved_at: the numerators text decides.</summary>
    SameInsertAndResolvedTime,
}

/// <summary>A resolution row before the condition id and times are filled in.</summary>
internal sealed record ResolutionRowPlan(string Numerators, bool IsDeleted, int ResolvedDay, ResolutionTie Tie = ResolutionTie.None);

internal sealed record ScenarioPlan(
    IReadOnlyList<string> Wallets,
    IReadOnlyList<string> Conditions,
    int BaseDay,
    IReadOnlyList<PositionPlan> Positions,
    IReadOnlyList<IReadOnlyList<ResolutionRowPlan>> ResolutionHistories);
