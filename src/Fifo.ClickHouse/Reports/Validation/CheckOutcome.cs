using Fifo.Core.Reports;

namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>What a check found: its verdict, a sentence for the operator, and the figures behind it.</summary>
public sealed record CheckOutcome(CheckStatus Status, string Message, IReadOnlyDictionary<string, double> Figures);
