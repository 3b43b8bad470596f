namespace Fifo.Core.Lots;

/// <summary>A resolved condition: its payout numerators (already parsed, sum &gt; 0) and when it resolved.</summary>
public sealed record ConditionPayout
{
    public ConditionPayout(string conditionId, IReadOnlyList<double> numerators, DateTime resolvedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(conditionId);
        ArgumentNullException.ThrowIfNull(numerators);
        var sum = numerators.Sum();
        if (numerators.Count == 0 || !(sum > 0) || !double.IsFinite(sum) || numerators.Any(n => n < 0))
            throw new ArgumentException(
                $"Payout numerators [{string.Join(",", numerators)}] of condition {conditionId} do not define payout rates.", nameof(numerators));
        ConditionId = conditionId;
        Numerators = numerators.ToArray();
        ResolvedAt = resolvedAt;
        _sum = sum;
    }

    private readonly double _sum;

    public string ConditionId { get; }
    public IReadOnlyList<double> Numerators { get; }
    public DateTime ResolvedAt { get; }

    /// <summary>numerators[i] / sum(numerators); 0 for an outcome index beyond the numerators (ClickHouse's arr[i] default).</summary>
    public double RateFor(byte outcomeIndex) => outcomeIndex < Numerators.Count ? Numerators[outcomeIndex] / _sum : 0;
}
