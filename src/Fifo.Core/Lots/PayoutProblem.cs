namespace Fifo.Core.Lots;

/// <summary>A condition whose current resolution row has numerators that cannot be used; it is treated as unresolved.</summary>
public sealed record PayoutProblem(string ConditionId, string Text, string Reason)
{
    public override string ToString() => $"condition {ConditionId}: {Reason}: '{Text}'";
}
