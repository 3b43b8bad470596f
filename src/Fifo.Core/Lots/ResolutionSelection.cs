namespace Fifo.Core.Lots;

/// <summary>The resolved conditions with their payouts, and the conditions whose current row could not be used.</summary>
public sealed record ResolutionSelection(
    IReadOnlyDictionary<string, ConditionPayout> Payouts,
    IReadOnlyList<PayoutProblem> Problems);
