namespace Fifo.Core.Planning;

/// <summary>
/// Cuts a wallet list, sorted by key, into contiguous spans of at most about <c>batchFills</c> fills each. Balancing by
/// fills (not wallets) keeps every batch query's memory and time bounded: a whale larger than a batch gets a
/// span of its own, and thousands of small wallets share one span instead of costing a round trip each.
/// <para>
/// The spans are also as even as the wallets allow: the cuts aim at the smallest multiple of the worker count that
/// keeps each within <c>batchFills</c>, at equal shares of the total. Filling each batch up to <c>batchFills</c>
/// instead would leave a short remainder at the end, run by one worker while the others idle.
/// </para>
/// <para>
/// A wallet of half a batch or more always gets a span of its own: the SQL engine computes a one-wallet batch per
/// position, which costs such a wallet far less memory than its wallet-sized arrays in a shared batch (10M demo fills
/// with three 1.1M-fill wallets, batches of 2M: engine peak 1.1 GB instead of 2.1 GB, the same wall time). Each such
/// wallet adds up to two cuts to the aimed-at count, so the span count need not be a multiple of the workers, and the
/// wallets between two of them form a span however few they are.
/// </para>
/// </summary>
public static class BatchPlanner
{
    /// <param name="walletsInKeyOrder">Wallets in strictly ascending ordinal order (the order ClickHouse sorts
    /// String keys in), each once.</param>
    /// <param name="batchFills">Most fills per span; a span only exceeds it when it is a single wallet.</param>
    /// <param name="workers">Batches run at the same time; the cuts aim at a multiple of it.</param>
    /// <exception cref="ArgumentException">Wallets out of order or repeated, negative fill counts.</exception>
    public static IReadOnlyList<WalletSpan> Plan(IEnumerable<WalletFills> walletsInKeyOrder, long batchFills, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(walletsInKeyOrder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchFills);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);

        var wallets = walletsInKeyOrder as IReadOnlyList<WalletFills> ?? walletsInKeyOrder.ToList();
        var total = TotalFills(wallets);
        var spanCount = Math.Max(1, (total + batchFills - 1) / batchFills);
        spanCount = (spanCount + workers - 1) / workers * workers;
        var share = (double)total / spanCount;

        var spans = new List<WalletSpan>();
        var accumulator = new SpanAccumulator();
        long planned = 0;
        var shareEnd = share;
        var previousAlone = false;
        foreach (var wallet in wallets)
        {
            // Half a batch or more: alone, see above. The wallet after it starts a new span too.
            var alone = wallet.Fills * 2 >= batchFills;
            if (!accumulator.IsEmpty)
            {
                var before = planned + accumulator.Fills;
                var after = before + wallet.Fills;
                // Cut before this wallet when it would overfill the batch, or when the share's end lies nearer
                // to this cut than to the next one.
                if (alone || previousAlone || accumulator.Fills + wallet.Fills > batchFills || (after > shareEnd && shareEnd - before <= after - shareEnd))
                {
                    var span = accumulator.Close();
                    spans.Add(span);
                    planned += span.Fills;
                    // The next span aims at the first share end at least half a share away (a whale may have
                    // carried this span past several).
                    while (shareEnd <= planned + share / 2)
                        shareEnd += share;
                }
            }
            accumulator.Add(wallet);
            previousAlone = alone;
        }
        if (!accumulator.IsEmpty)
            spans.Add(accumulator.Close());
        return spans;
    }

    /// <summary>
    /// Splits a span's wallets into two contiguous halves with fill counts as equal as the wallets allow, for
    /// retrying a batch that ran out of memory. A single wallet cannot be split.
    /// </summary>
    /// <param name="walletsInKeyOrder">The span's wallets, strictly ascending.</param>
    public static bool TrySplitInHalf(IReadOnlyList<WalletFills> walletsInKeyOrder,
        out WalletSpan lower, out WalletSpan upper)
    {
        ArgumentNullException.ThrowIfNull(walletsInKeyOrder);
        lower = upper = null!;
        if (walletsInKeyOrder.Count < 2)
            return false;

        var total = TotalFills(walletsInKeyOrder);

        // The cut goes after the wallet where the running sum first reaches half the fills, or before it when
        // that leaves the halves closer; both halves keep at least one wallet.
        var cut = 1;
        long running = walletsInKeyOrder[0].Fills;
        while (cut < walletsInKeyOrder.Count - 1 && 2 * running < total)
        {
            var withNext = running + walletsInKeyOrder[cut].Fills;
            if (Math.Abs(total - 2 * withNext) >= Math.Abs(total - 2 * running))
                break;
            running = withNext;
            cut++;
        }

        lower = SpanOf(walletsInKeyOrder, 0, cut);
        upper = SpanOf(walletsInKeyOrder, cut, walletsInKeyOrder.Count);
        return true;
    }

    private static WalletSpan SpanOf(IReadOnlyList<WalletFills> wallets, int from, int to)
    {
        var accumulator = new SpanAccumulator();
        for (var i = from; i < to; i++)
            accumulator.Add(wallets[i]);
        return accumulator.Close();
    }

    /// <summary>Σ fills, checking the list's order on the way.</summary>
    private static long TotalFills(IReadOnlyList<WalletFills> walletsInKeyOrder)
    {
        long total = 0;
        string? previous = null;
        foreach (var wallet in walletsInKeyOrder)
        {
            EnsureValidNext(previous, wallet);
            previous = wallet.Wallet;
            total += wallet.Fills;
        }
        return total;
    }

    private static void EnsureValidNext(string? previous, WalletFills wallet)
    {
        const string parameter = "walletsInKeyOrder";
        if (string.IsNullOrEmpty(wallet.Wallet))
            throw new ArgumentException("A wallet in the list is empty.", parameter);
        if (wallet.Fills < 0)
            throw new ArgumentException($"Wallet {wallet.Wallet} has a negative fill count ({wallet.Fills}).", parameter);
        if (previous is not null && string.CompareOrdinal(previous, wallet.Wallet) >= 0)
            throw new ArgumentException(
                $"Wallets must be strictly ascending by key: '{wallet.Wallet}' follows '{previous}'.", parameter);
    }

    /// <summary>The span being built: its first and last wallet and running totals.</summary>
    private struct SpanAccumulator
    {
        private string? first;
        private string? last;
        private long wallets;

        public long Fills { get; private set; }
        public readonly bool IsEmpty => first is null;

        public void Add(WalletFills wallet)
        {
            first ??= wallet.Wallet;
            last = wallet.Wallet;
            wallets++;
            Fills += wallet.Fills;
        }

        public WalletSpan Close()
        {
            var span = new WalletSpan(first!, last!, wallets, Fills);
            this = default;
            return span;
        }
    }
}
