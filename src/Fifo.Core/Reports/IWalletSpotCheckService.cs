namespace Fifo.Core.Reports;

public interface IWalletSpotCheckService
{
    /// <exception cref="ArgumentException">Not a wallet address.</exception>
    Task<WalletReport> GetAsync(string wallet, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the wallet with the reference engine and diffs it against the stored rows.</summary>
    Task<WalletComparison> CompareAsync(string wallet, CancellationToken cancellationToken = default);
}
