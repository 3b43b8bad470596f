namespace Fifo.Core.Lots;

/// <summary>A position of the spec: one outcome token of one condition held by one wallet.</summary>
public readonly record struct PositionKey(string Wallet, string ConditionId, byte OutcomeIndex)
{
    public override string ToString() => $"{Wallet}/{ConditionId}/{OutcomeIndex}";

    public static PositionKey Of(Model.Fill fill) => new(fill.Wallet, fill.ConditionId, fill.OutcomeIndex);

    public static PositionKey Of(Model.LotRow lot) => new(lot.Wallet, lot.ConditionId, lot.OutcomeIndex);
}
