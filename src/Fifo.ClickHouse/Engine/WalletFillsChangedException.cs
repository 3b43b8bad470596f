namespace Fifo.ClickHouse.Engine;

/// <summary>
/// A one-wallet batch computed without the second read for repeated fill_ids, because the wallet repeated none, but
/// by the time its lots were written it did: new fill rows arrived during the batch (an import). Those lots may count
/// two versions of a fill, so they are not committed; trying the batch again computes it with the second read.
/// </summary>
public sealed class WalletFillsChangedException(string wallet)
    : Exception($"The fills of wallet {wallet} changed while its batch ran (a fill_id is now repeated); the batch's lots were not committed.")
{
    public string Wallet { get; } = wallet;
}
