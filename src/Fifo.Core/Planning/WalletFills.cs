namespace Fifo.Core.Planning;

/// <summary>One wallet and its number of counted fills: the weight batches are balanced by.</summary>
public readonly record struct WalletFills(string Wallet, long Fills);
