namespace Fifo.Core.Planning;

/// <summary>
/// Cuts a wallet list, sorted by key, into contiguous spans of about <c>batchFills</c> fills each. Balancing by
/// fills (not wallets) keeps every batch query's memory and time bounded: a whale larger than a batch gets a
/// span of its own, and thousands of small wallets share one span instead of costing a round trip each.
/// </summary>
public static class BatchPlanner
{
    /// <param name="walletsInKeyOrder">Wallets in strictly ascending ordinal order (the order ClickHouse sorts
    /// String keys in), each once.</param>
    /// <param name="batchFills">Target fills per span; a span only exceeds it when it is a single wallet.</param>
    /// <exception cref="ArgumentException">Wallets out of order or repeated, negative fill counts.</exception>
    public static IReadOnlyList<WalletSpan> Plan(IEnumerable<WalletFills> walletsInKeyOrder, long batchFills)
    {
        ArgumentNullException.ThrowIfNull(walletsInKeyOrder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchFills);

        var spans = new List<WalletSpan>();
        var accumulator = new SpanAccumulator();
        string? previous = null;
        foreach (var wallet in walletsInKeyOrder)
        {
            EnsureValidNext(previous, wallet);
            previous = wallet.Wallet;
            if (!accumulator.IsEmpty && accumulator.Fills + wallet.Fills > batchFills)
                spans.Add(accumulator.Close());
            accumulator.Add(wallet);
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

        long total = 0;
        string? previous = null;
        foreach (var wallet in walletsInKeyOrder)
        {
            EnsureValidNext(previous, wallet);
            previous = wallet.Wallet;
            total += wallet.Fills;
        }

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
