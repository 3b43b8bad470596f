using Fifo.Core.Reports;

namespace Fifo.Admin.Reports;

/// <summary>The last validation report run from the console, so reopening the page shows it instead of rerunning.</summary>
public sealed class LatestValidationReport
{
    public ValidationReport? Report { get; private set; }

    public void Set(ValidationReport report) => Report = report;
}
