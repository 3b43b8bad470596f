using System.Globalization;
using Fifo.Core.Planning;
using FsCheck.Xunit;
using Xunit;

namespace Fifo.Core.Tests.Planning;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Small_wallets_share_a_batch_within_the_target()
    {
        // 150 fills need two batches of at most 100: cut near 75 each, not 90 + 60.
        var spans = BatchPlanner.Plan(Wallets(30, 30, 30, 30, 30), batchFills: 100);

        Assert.Equal(
            [new WalletSpan(Key(0), Key(1), 2, 60), new WalletSpan(Key(2), Key(4), 3, 90)],
            spans);
    }

    [Fact]
    public void The_batch_count_is_a_multiple_of_the_workers_with_even_batches()
    {
        // 1,000 fills in batches of at most 300 for 2 workers: four batches of 250, not 300 + 300 + 300 + 100
        // (whose last round would leave one worker idle).
        var spans = BatchPlanner.Plan(Wallets(Enumerable.Repeat(10L, 100).ToArray()), batchFills: 300, workers: 2);

        Assert.Equal([250L, 250, 250, 250], spans.Select(s => s.Fills));
    }

    [Fact]
    public void A_run_smaller_than_a_batch_is_shared_by_the_workers()
    {
        var spans = BatchPlanner.Plan(Wallets(10, 10, 10, 10), batchFills: 1000, workers: 2);

        Assert.Equal([20L, 20], spans.Select(s => s.Fills));
    }

    [Fact]
    public void A_whale_bigger_than_a_batch_is_a_batch_of_its_own()
    {
        var spans = BatchPlanner.Plan(Wallets(10, 10, 500, 10), batchFills: 100);

        Assert.Equal(
            [new WalletSpan(Key(0), Key(1), 2, 20), new WalletSpan(Key(2), Key(2), 1, 500), new WalletSpan(Key(3), Key(3), 1, 10)],
            spans);
    }

    [Fact]
    public void A_wallet_of_half_a_batch_or_more_is_a_batch_of_its_own()
    {
        // 90 fills would fit one batch of 100, but the 50-fill wallet runs alone (computed per position).
        var spans = BatchPlanner.Plan(Wallets(10, 10, 50, 10, 10), batchFills: 100);

        Assert.Equal(
            [new WalletSpan(Key(0), Key(1), 2, 20), new WalletSpan(Key(2), Key(2), 1, 50), new WalletSpan(Key(3), Key(4), 2, 20)],
            spans);
    }

    [Fact]
    public void A_wallet_exactly_filling_the_batch_fits_in_it()
    {
        var spans = BatchPlanner.Plan(Wallets(100, 100), batchFills: 100);

        Assert.Equal([new WalletSpan(Key(0), Key(0), 1, 100), new WalletSpan(Key(1), Key(1), 1, 100)], spans);
    }

    [Fact]
    public void Wallets_without_fills_share_one_batch() =>
        Assert.Equal([new WalletSpan(Key(0), Key(2), 3, 0)], BatchPlanner.Plan(Wallets(0, 0, 0), batchFills: 100, workers: 2));

    [Fact]
    public void A_non_positive_worker_count_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlanner.Plan(Wallets(1), batchFills: 10, workers: 0));

    [Fact]
    public void No_wallets_plan_no_batches() => Assert.Empty(BatchPlanner.Plan([], batchFills: 100));

    [Fact]
    public void Wallets_out_of_key_order_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BatchPlanner.Plan([new WalletFills(Key(2), 1), new WalletFills(Key(1), 1)], batchFills: 10));
        Assert.Contains("strictly ascending", error.Message);
    }

    [Fact]
    public void A_repeated_wallet_is_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            BatchPlanner.Plan([new WalletFills(Key(1), 1), new WalletFills(Key(1), 1)], batchFills: 10));

    [Fact]
    public void A_non_positive_batch_size_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlanner.Plan(Wallets(1), batchFills: 0));

    /// <summary>Keys are ordered ordinally, as ClickHouse orders String: upper-case sorts before lower-case.</summary>
    [Fact]
    public void Key_order_is_ordinal_not_culture_aware()
    {
        var spans = BatchPlanner.Plan([new WalletFills("0xB", 1), new WalletFills("0xa", 1)], batchFills: 10);
        Assert.Equal([new WalletSpan("0xB", "0xa", 2, 2)], spans);
    }

    [Property(MaxTest = 300)]
    public bool Spans_cover_every_wallet_once_in_order_within_the_target_and_even_with_big_wallets_alone(
        FsCheck.NonEmptyArray<FsCheck.PositiveInt> fills, FsCheck.PositiveInt target, FsCheck.PositiveInt workers)
    {
        var wallets = Wallets(fills.Get.Select(f => (long)f.Get).ToArray());
        var batchFills = (long)target.Get;
        var workerCount = workers.Get % 8 + 1;
        var spans = BatchPlanner.Plan(wallets, batchFills, workerCount);

        var total = wallets.Sum(w => w.Fills);
        var spanCount = (Math.Max(1, (total + batchFills - 1) / batchFills) + workerCount - 1) / workerCount * workerCount;
        var share = (double)total / spanCount;
        var index = 0;
        foreach (var span in spans)
        {
            var members = wallets.Skip(index).Take((int)span.Wallets).ToArray();
            if (members.Length != span.Wallets || members[0].Wallet != span.FirstWallet || members[^1].Wallet != span.LastWallet)
                return false;
            if (members.Sum(w => w.Fills) != span.Fills)
                return false;
            // Within the target unless a single wallet alone exceeds it.
            if (span.Fills > batchFills && span.Wallets != 1)
                return false;
            // A wallet of half a batch or more alone.
            if (span.Wallets > 1 && members.Any(w => w.Fills * 2 >= batchFills))
                return false;
            // Even: a span of several wallets ends within half a share and one wallet past its share.
            if (span.Wallets > 1 && span.Fills > 1.5 * share + members.Max(w => w.Fills))
                return false;
            index += members.Length;
        }
        return index == wallets.Length;
    }

    [Fact]
    public void Split_balances_the_halves_by_fills()
    {
        Assert.True(BatchPlanner.TrySplitInHalf(Wallets(10, 10, 10, 50, 20), out var lower, out var upper));

        Assert.Equal(new WalletSpan(Key(0), Key(2), 3, 30), lower);
        Assert.Equal(new WalletSpan(Key(3), Key(4), 2, 70), upper);
    }

    [Fact]
    public void Split_puts_a_leading_whale_alone()
    {
        Assert.True(BatchPlanner.TrySplitInHalf(Wallets(900, 10, 10), out var lower, out var upper));

        Assert.Equal(new WalletSpan(Key(0), Key(0), 1, 900), lower);
        Assert.Equal(new WalletSpan(Key(1), Key(2), 2, 20), upper);
    }

    [Fact]
    public void Split_keeps_a_trailing_whale_alone()
    {
        Assert.True(BatchPlanner.TrySplitInHalf(Wallets(10, 10, 900), out var lower, out var upper));

        Assert.Equal(new WalletSpan(Key(0), Key(1), 2, 20), lower);
        Assert.Equal(new WalletSpan(Key(2), Key(2), 1, 900), upper);
    }

    [Fact]
    public void A_single_wallet_cannot_be_split() =>
        Assert.False(BatchPlanner.TrySplitInHalf(Wallets(1000), out _, out _));

    [Property(MaxTest = 300)]
    public bool Split_halves_are_contiguous_non_empty_and_no_worse_than_any_other_cut(FsCheck.PositiveInt[] fills)
    {
        var wallets = Wallets(fills.Select(f => (long)f.Get).ToArray());
        if (!BatchPlanner.TrySplitInHalf(wallets, out var lower, out var upper))
            return wallets.Length < 2;

        var total = wallets.Sum(w => w.Fills);
        var cut = (int)lower.Wallets;
        var imbalance = Math.Abs(lower.Fills - upper.Fills);
        var best = Enumerable.Range(1, wallets.Length - 1)
            .Min(c => Math.Abs(total - 2 * wallets.Take(c).Sum(w => w.Fills)));
        return cut >= 1 && upper.Wallets >= 1 && lower.Wallets + upper.Wallets == wallets.Length
               && lower.FirstWallet == wallets[0].Wallet && lower.LastWallet == wallets[cut - 1].Wallet
               && upper.FirstWallet == wallets[cut].Wallet && upper.LastWallet == wallets[^1].Wallet
               && lower.Fills + upper.Fills == total && imbalance == best;
    }

    private static string Key(int i) => "0x" + i.ToString("x40", CultureInfo.InvariantCulture);

    private static WalletFills[] Wallets(params long[] fills) =>
        fills.Select((f, i) => new WalletFills(Key(i), f)).ToArray();
}
