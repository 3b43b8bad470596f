namespace Fifo.Core.Reports;

public enum CheckStatus { Pass, Warn, Fail }

/// <summary>One check of the validation report with the numbers behind its verdict.</summary>
public sealed record ValidationCheck(
    string Id,
    string Title,
    CheckStatus Status,
    string Message,
    IReadOnlyDictionary<string, double> Figures,
    TimeSpan Duration);

public sealed record ValidationReport(DateTimeOffset RanAt, TimeSpan Duration, IReadOnlyList<ValidationCheck> Checks)
{
    public CheckStatus Overall => Checks.Count == 0 ? CheckStatus.Warn : Checks.Max(c => c.Status);
}

public interface IValidationService
{
    Task<ValidationReport> RunAsync(CancellationToken cancellationToken = default);
}
