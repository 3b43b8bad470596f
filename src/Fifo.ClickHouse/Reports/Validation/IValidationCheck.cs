namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>One check of the validation report. The service times it and turns an exception into a failed check.</summary>
public interface IValidationCheck
{
    string Id { get; }
    string Title { get; }
    Task<CheckOutcome> RunAsync(CancellationToken cancellationToken);
}
