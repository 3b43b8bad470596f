namespace Fifo.Core.Reports;

public sealed record ValidationReport(DateTimeOffset RanAt, TimeSpan Duration, IReadOnlyList<ValidationCheck> Checks)
{
    public CheckStatus Overall => Checks.Count == 0 ? CheckStatus.Warn : Checks.Max(c => c.Status);
}
