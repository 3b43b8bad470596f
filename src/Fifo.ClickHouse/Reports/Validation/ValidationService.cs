using System.Diagnostics;
using Fifo.Core.Reports;
using Microsoft.Extensions.Logging;

namespace Fifo.ClickHouse.Reports.Validation;

/// <summary>
/// Runs every registered check one after the other (the engine has few cores; running them side by side only makes
/// each one's time meaningless) and collects them into the report. A check that throws is reported as failed with the
/// error; the report always completes.
/// </summary>
public sealed class ValidationService(
    IEnumerable<IValidationCheck> checks, Func<ValidationRun> newRun, ILogger<ValidationService> logger) : IValidationService
{
    public async Task<ValidationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var ranAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        var results = new List<ValidationCheck>();
        var run = newRun();
        foreach (var check in checks)
            results.Add(await RunCheckAsync(check, run, cancellationToken));
        total.Stop();
        var report = new ValidationReport(ranAt, total.Elapsed, results);
        logger.LogInformation("Validation report: {Overall} in {ElapsedMs:F0} ms ({Failed} failed, {Warned} warned of {Checks})",
            report.Overall, total.Elapsed.TotalMilliseconds, results.Count(r => r.Status == CheckStatus.Fail),
            results.Count(r => r.Status == CheckStatus.Warn), results.Count);
        return report;
    }

    private async Task<ValidationCheck> RunCheckAsync(IValidationCheck check, ValidationRun run, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var outcome = await check.RunAsync(run, cancellationToken);
            stopwatch.Stop();
            logger.LogDebug("Check {CheckId}: {Status} in {ElapsedMs:F0} ms: {Message}",
                check.Id, outcome.Status, stopwatch.Elapsed.TotalMilliseconds, outcome.Message);
            return new ValidationCheck(check.Id, check.Title, outcome.Status, outcome.Message, outcome.Figures, stopwatch.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            stopwatch.Stop();
            logger.LogError(e, "Check {CheckId} could not run", check.Id);
            return new ValidationCheck(check.Id, check.Title, CheckStatus.Fail, $"Could not run: {e.Message}",
                new Dictionary<string, double>(), stopwatch.Elapsed);
        }
    }
}
