namespace Fifo.Core.Reports;

public sealed record WalletComparison(string Wallet, int StoredRows, int ReferenceRows, IReadOnlyList<LotDifference> Differences, TimeSpan Duration)
{
    public bool Matches => Differences.Count == 0;
}
