using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>What a check found: its verdict, a sentence for the operator, and the figures behind it.</summary>
public sealed record CheckOutcome(CheckStatus Status, string Message, IReadOnlyDictionary<string, double> Figures)
{
    /// <summary>Fail when any of <paramref name="failures"/> is non-zero, else Pass.</summary>
    public static CheckStatus FailWhenAny(params double[] failures) =>
        failures.Any(f => f != 0) ? CheckStatus.Fail : CheckStatus.Pass;
}
