using FsCheck;
using FsCheck.Fluent;

namespace Fifo.Testing.Generators;

/// <summary>
/// FsCheck generators of realistic FIFO inputs: positions with buys, partial and full exits, shorts and covers,
/// equal timestamps (ordered by fill_id), dust, duplicates with versions (also moved to another time or position, and
/// equal versions told apart by block_number), self-fills, non-CLOB and zero-wallet rows,
/// and resolutions in every numerator format with history and deletions. Use <see cref="Scenario"/> in properties, or
/// <see cref="Sample"/> for a fixed, reproducible set (e.g. to load the same scenarios into ClickHouse).
/// </summary>
public static class FifoGenerators
{
    /// <summary>Numerator texts the spec says must parse, with the payout they mean for outcome 0.</summary>
    public static IReadOnlyList<string> ParseableNumerators { get; } =
    [
        "[1,0]", "[0,1]", "[1,1]", "[\"1\",\"0\"]", "[\"0\",\"1\"]", "[\"1\",\"1\"]", " [ 1 , 0 ] ", "[\n  \"0\",\n  \"1\"\n]",
        "[0.5,0.5]", "[1,0,0]", "[0,0,1]", "[1000000000000000000,0]",
    ];

    /// <summary>Numerator texts that must be reported, never read as 0.</summary>
    public static IReadOnlyList<string> UnparseableNumerators { get; } =
        ["[1,x]", "abc", "[-1,2]", "[0,0]", "{1,0}", "[1,,0]", "[\"1\",0", "null"];

    public static Gen<FifoScenario> Scenario(ScenarioOptions? options = null)
    {
        var o = options ?? ScenarioOptions.Default;
        return ScenarioPlanGen(o).SelectMany(plan =>
            Gen.Shuffle(ScenarioMaterializer.Fills(plan).ToArray()).Select(fills =>
                new FifoScenario(fills, ScenarioMaterializer.Resolutions(plan))));
    }

    /// <summary>Reproducible scenarios: the same seed and options always give the same rows.</summary>
    public static IReadOnlyList<FifoScenario> Sample(ulong seed, int count, ScenarioOptions? options = null, int size = 50) =>
        Scenario(options).Sample(numberOfSamples: count, seed: new Rnd(seed), size: size);

    /// <summary>Random lower-case hex of the given length.</summary>
    public static Gen<string> Hex(int digits) =>
        Gen.Choose(0, 15).ArrayOf(digits).Select(ds => string.Concat(ds.Select(d => "0123456789abcdef"[d])));

    public static Gen<string> Wallet() => Hex(40).Select(h => "0x" + h);

    public static Gen<string> ConditionId() => Hex(64);

    /// <summary>Amounts in micro-tokens: whole tokens, arbitrary micro-precise amounts, and dust below 0.02 tokens.</summary>
    public static Gen<long> MicroTokenAmount() =>
        Gen.Frequency(
            (6, Gen.Choose(1, 1000).Select(t => t * 1_000_000L)),
            (3, Gen.Choose(1, 1_000_000_000).Select(m => (long)m)),
            (1, Gen.Choose(1, 20_000).Select(m => (long)m)));

    /// <summary>Prices on a 0.001 grid in [0, 1] with exact 0 and 1, and optionally a few above 1.</summary>
    public static Gen<double> Price(bool outsideUnitInterval)
    {
        var inside = Gen.Frequency(
            (20, Gen.Choose(1, 999).Select(p => p / 1000.0)),
            (1, Gen.Elements(0.0, 1.0)));
        return outsideUnitInterval
            ? Gen.Frequency((30, inside), (1, Gen.Choose(1001, 1500).Select(p => p / 1000.0)))
            : inside;
    }

    private static Gen<ScenarioPlan> ScenarioPlanGen(ScenarioOptions o) =>
        from walletCount in Gen.Choose(1, o.MaxWallets)
        from conditionCount in Gen.Choose(1, o.MaxConditions)
        from wallets in Wallet().ArrayOf(walletCount)
        from conditions in ConditionId().ArrayOf(conditionCount)
        from baseDay in Gen.Choose(0, 600)
        from positions in Gen.CollectToList(Enumerable.Range(0, walletCount), w => PositionsOfWallet(w, conditionCount, o))
        from histories in ResolutionHistory(o).ArrayOf(conditionCount)
        select new ScenarioPlan(wallets, conditions, baseDay, positions.SelectMany(p => p).ToList(), histories);

    /// <summary>One wallet in 50 is a whale: most of its positions trade 1e4 to 1e6 times the usual amounts.</summary>
    private static Gen<List<PositionPlan>> PositionsOfWallet(int walletIndex, int conditionCount, ScenarioOptions o) =>
        from whale in Gen.Frequency((49, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Choose(1, o.MaxPositionsPerWallet)
        from positions in Position(walletIndex, conditionCount, o, whale).ListOf(count)
        select positions;

    private static Gen<PositionPlan> Position(int walletIndex, int conditionCount, ScenarioOptions o, bool whale) =>
        from condition in Gen.Choose(0, conditionCount - 1)
        from outcome in Gen.Frequency((12, Gen.Choose(0, 1)), (1, Gen.Constant(2)))
        from start in Gen.Choose(0, 10 * 86_400)
        from scale in whale
            ? Gen.Frequency((1, Gen.Constant(1L)), (3, Gen.Choose(10_000, 1_000_000).Select(s => (long)s)))
            : Gen.Constant(1L)
        from tradeCount in Gen.Choose(1, o.MaxTradesPerPosition)
        from trades in Trade(o).ListOf(tradeCount)
        select new PositionPlan(walletIndex, condition, (byte)outcome, start, scale, trades);

    private static Gen<TradePlan> Trade(ScenarioOptions o) =>
        from kind in Gen.Frequency(
            (8, Gen.Constant(TradeKind.Buy)), (4, Gen.Constant(TradeKind.Sell)),
            (3, Gen.Constant(TradeKind.SellPartOfHoldings)), (2, Gen.Constant(TradeKind.SellAllHoldings)),
            (1, Gen.Constant(TradeKind.CoverAllShorts)), (1, Gen.Constant(TradeKind.Dust)))
        from amount in MicroTokenAmount()
        from part in Gen.Choose(1, 99)
        from price in Price(o.PricesOutsideUnitInterval)
        from seconds in Gen.Frequency((2, Gen.Constant(0)), (8, Gen.Choose(1, 3600)), (1, Gen.Choose(3600, 30 * 86_400)))
        from isMaker in Gen.Elements(false, true)
        from extra in Gen.Frequency(
            (30, Gen.Constant(RowExtra.None)),
            (2, Gen.Constant(RowExtra.OlderVersionDiffers)), (1, Gen.Constant(RowExtra.IdenticalCopy)),
            (1, Gen.Constant(RowExtra.NewestVersionNotCounted)), (2, Gen.Constant(RowExtra.SelfFill)),
            (1, Gen.Constant(RowExtra.NonClobTwin)), (1, Gen.Constant(RowExtra.ZeroWalletTwin)),
            (1, Gen.Constant(RowExtra.SubMicroTokenTwin)), (2, Gen.Constant(RowExtra.OlderVersionsMoved)),
            (1, Gen.Constant(RowExtra.EqualVersionLowerBlock)))
        from salt in Gen.Choose(0, int.MaxValue).Two().Select(t => ((ulong)(uint)t.Item1 << 32) | (uint)t.Item2)
        select new TradePlan(kind, amount, part, price, seconds, isMaker, extra, salt);

    /// <summary>
    /// A condition's resolution rows, oldest first: none, one, re-resolutions (some inserted at the same time as the
    /// row before), deletions, empty numerators.
    /// </summary>
    private static Gen<IReadOnlyList<ResolutionRowPlan>> ResolutionHistory(ScenarioOptions o)
    {
        var parseable = Gen.Elements(ParseableNumerators.ToArray());
        var numerators = o.UnparseablePayouts
            ? Gen.Frequency((12, parseable), (1, Gen.Elements(UnparseableNumerators.ToArray())))
            : parseable;
        var row =
            from text in Gen.Frequency((10, numerators), (1, Gen.Elements("", "[]", " [ ] ")))
            from deleted in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            from day in Gen.Choose(0, 900)
            from tie in Gen.Frequency((8, Gen.Constant(ResolutionTie.None)), (1, Gen.Constant(ResolutionTie.SameInsertTime)),
                (1, Gen.Constant(ResolutionTie.SameInsertAndResolvedTime)))
            select new ResolutionRowPlan(text, deleted, day, tie);
        return Gen.Frequency(
            (3, Gen.Constant<IReadOnlyList<ResolutionRowPlan>>([])),
            (6, row.Select(r => (IReadOnlyList<ResolutionRowPlan>)[r with { IsDeleted = false }])),
            (3, Gen.Choose(2, 4).SelectMany(n => row.ListOf(n)).Select(rows => (IReadOnlyList<ResolutionRowPlan>)rows)));
    }
}
