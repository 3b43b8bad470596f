namespace Fifo.Core.Model;

/// <summary>One row of the resolutions table. Numerators are kept as the raw string (<c>[1,0]</c>, <c>["1","0"]</c>, …).</summary>
public sealed record Resolution(
    string ConditionId,
    string PayoutNumerators,
    string PayoutDenominator,
    DateTime ResolvedAt,
    bool IsDeleted,
    DateTime InsertTime);
