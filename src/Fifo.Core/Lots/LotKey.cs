using Fifo.Core.Model;

namespace Fifo.Core.Lots;

/// <summary>The key of a lot row: the position, the opening fill_id (stored as tx_hash) and the side.</summary>
public readonly record struct LotKey(string Wallet, string ConditionId, byte OutcomeIndex, string TxHash, bool IsShort)
{
    public static LotKey Of(LotRow lot) => new(lot.Wallet, lot.ConditionId, lot.OutcomeIndex, lot.TxHash, lot.IsShort);

    public override string ToString() =>
        $"{Wallet}/{ConditionId}/{OutcomeIndex}/{TxHash}/{(IsShort ? "short" : "long")}";
}
