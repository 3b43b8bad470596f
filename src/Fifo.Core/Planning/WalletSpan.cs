namespace Fifo.Core.Planning;

/// <summary>
/// A contiguous wallet key range, both ends inclusive, with the wallets and counted fills it held when it was
/// planned. One span is computed by one batch query.
/// </summary>
public sealed record WalletSpan(string FirstWallet, string LastWallet, long Wallets, long Fills)
{
    public override string ToString() => $"[{FirstWallet} .. {LastWallet}] ({Wallets} wallets, {Fills} fills)";
}
