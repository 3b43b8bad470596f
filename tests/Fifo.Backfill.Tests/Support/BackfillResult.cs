using Fifo.Core.Lots;
using Fifo.Core.Model;
using Fifo.Testing.ClickHouse;

namespace Fifo.Backfill.Tests.Support;

/// <summary>
/// What backfills leave for the product to read: the deduplicated lots view and each wallet's newest summary figures.
/// Nothing about how they were computed (versions, run ids, which wallets a run touched) is part of it.
/// </summary>
internal sealed record BackfillResult(IReadOnlyList<LotRow> Lots, IReadOnlyList<WalletFigures> Wallets)
{
    public static async Task<BackfillResult> ReadAsync(ClickHouseTestDatabase db) =>
        new(await ViewLots.ReadAsync(db), await WalletFigures.ReadNewestAsync(db));

    /// <summary>Every difference from <paramref name="expected"/>, lots and summaries.</summary>
    public Mismatches Compare(BackfillResult expected)
    {
        var mismatches = new Mismatches("the lots view and wallet summaries");
        // The engine tests' comparison: amounts within the spec's 1e-6 USD, tokens to the micro-token.
        foreach (var difference in LotComparison.Compare(Lots, expected.Lots))
            mismatches.Add(difference.Key, difference.Description);
        WalletFigures.Compare(mismatches, expected.Wallets, Wallets);
        return mismatches;
    }

    public void AssertSameAs(BackfillResult expected)
    {
        Xunit.Assert.NotEmpty(expected.Lots);
        Compare(expected).AssertNone();
    }
}
