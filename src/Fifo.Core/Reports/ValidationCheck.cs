namespace Fifo.Core.Reports;

/// <summary>One check of the validation report with the numbers behind its verdict.</summary>
public sealed record ValidationCheck(
    string Id,
    string Title,
    CheckStatus Status,
    string Message,
    IReadOnlyDictionary<string, double> Figures,
    TimeSpan Duration);
