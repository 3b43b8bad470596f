namespace Fifo.Core.Reports;

public interface IValidationService
{
    Task<ValidationReport> RunAsync(CancellationToken cancellationToken = default);
}
