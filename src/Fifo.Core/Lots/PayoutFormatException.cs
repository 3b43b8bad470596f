namespace Fifo.Core.Lots;

/// <summary>A condition's payout numerators could not be turned into payout rates.</summary>
public sealed class PayoutFormatException(string conditionId, string text, string reason)
    : FormatException($"Payout numerators of condition {conditionId} are unusable ({reason}): '{text}'.")
{
    public string ConditionId { get; } = conditionId;
    public string Text { get; } = text;
    public string Reason { get; } = reason;
}
