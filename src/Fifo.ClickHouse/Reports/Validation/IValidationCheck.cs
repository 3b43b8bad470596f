namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>One check of the validation report. The service times it and turns an exception into a failed check.</summary>
public interface IValidationCheck
{
    string Id { get; }
    string Title { get; }
    /// <param name="run">Queries shared by the checks of the same report.</param>
    Task<CheckOutcome> RunAsync(ValidationRun run, CancellationToken cancellationToken);
}
