using Fifo.Admin.Components.Shared;
using Fifo.Admin.Reports;
using Fifo.Core.Backfill;
using Fifo.Core.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Fifo.Admin.Components.Pages.Validation;

/// <summary>
/// The engine's validation report. Opens with the last one run here, unless a backfill has finished since (or there
/// is none): then it runs a new one.
/// </summary>
public partial class ValidationPage : AdminPageBase
{
    private ValidationReport? _report;
    private bool _running;

    [Inject]
    private IValidationService Validation { get; set; } = default!;

    [Inject]
    private LatestValidationReport Latest { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IBackfillController Backfills { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _report = Latest.Report;
        DateTimeOffset? lastFinished = null;
        await GuardAsync("Loading runs", async ct => lastFinished = (await Backfills.ListRunsAsync(1, ct)).FirstOrDefault()?.FinishedAt);
        if (_report is null || lastFinished > _report.RanAt)
            await RunAsync();
    }

    private async Task RunAsync()
    {
        _running = true;
        StateHasChanged();
        await GuardAsync("Validation", async ct =>
        {
            _report = await Validation.RunAsync(ct);
            Latest.Set(_report);
        });
        _running = false;
    }

    private Task ExportJsonAsync() => DownloadAsync("json", "application/json", ValidationReportExport.ToJson);

    private Task ExportMarkdownAsync() => DownloadAsync("md", "text/markdown", ValidationReportExport.ToMarkdown);

    private async Task DownloadAsync(string extension, string contentType, Func<ValidationReport, string> render)
    {
        if (_report is not { } report)
            return;
        await GuardAsync("Export", async ct =>
            await Js.InvokeVoidAsync("fifo.download", ct, ValidationReportExport.FileName(report, extension), contentType, render(report)));
    }

    private static Severity SeverityOf(CheckStatus status) => status switch
    {
        CheckStatus.Pass => Severity.Success,
        CheckStatus.Warn => Severity.Warning,
        _ => Severity.Error,
    };
}
