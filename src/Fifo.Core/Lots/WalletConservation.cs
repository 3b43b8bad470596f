namespace Fifo.Core.Lots;

/// <summary>The conservation identity summed over a wallet's resolved positions.</summary>
public sealed record WalletConservation(string Wallet, int ResolvedPositions, double LotsPnl, double Expected)
{
    public double Difference => LotsPnl - Expected;
}
