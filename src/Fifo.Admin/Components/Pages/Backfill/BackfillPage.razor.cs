using Fifo.Admin.Components.Shared;
using Fifo.Admin.Jobs;
using Fifo.Admin.Live;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Fifo.Admin.Components.Pages.Backfill;

/// <summary>
/// The home page: the current (or latest) run with live progress from <see cref="BackfillLiveFeed"/>, and the run
/// buttons. Recorded data (runs, batches) is reloaded when the run's state changes, and polled while another process
/// (the CLI) executes the run, since its events never reach this app.
/// </summary>
public partial class BackfillPage : AdminPageBase
{
    private const int RecentRuns = 5;

    /// <summary>While a run goes, the recorded runs table is refreshed this often (state changes refresh it at once).</summary>
    private static readonly TimeSpan RunsRefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often the record of a run executing in another process is read again.</summary>
    internal static readonly TimeSpan ElsewherePollInterval = TimeSpan.FromSeconds(3);

    private IDisposable? _feedSubscription;
    private ITimer? _elsewherePoll;
    private IReadOnlyList<BackfillRun> _runs = [];
    private LiveRunView? _view;
    private IReadOnlyList<BatchActivity> _recordedBatches = [];
    private IReadOnlyList<ThroughputPoint> _recordedThroughput = [];
    private string? _recordedBatchesRunId;
    private DateTimeOffset _runsLoadedAt;

    [Inject]
    private IBackfillController Controller { get; set; } = default!;

    [Inject]
    private BackfillLauncher Launcher { get; set; } = default!;

    [Inject]
    private BackfillLiveFeed Feed { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IOptions<BackfillOptions> BackfillDefaults { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private RunActions Actions => RunActions.For(Controller.Current, _runs.FirstOrDefault(), Launcher.IsBusy, RunElsewhere);

    /// <summary>The newest recorded run when another process executes it (recorded as active while its owner lives, and nothing executes here).</summary>
    private BackfillRun? RunElsewhere =>
        Controller.Current is null && _runs.FirstOrDefault() is { } newest && RunStates.IsActive(newest.State) ? newest : null;

    /// <summary>The run on show: the live view when it is about the current/latest run, else the recorded run.</summary>
    private ShownRun? Shown
    {
        get
        {
            var recorded = Controller.Current ?? _runs.FirstOrDefault();
            if (_view is { } view && (recorded is null || recorded.RunId == view.RunId))
                return new ShownRun(view.RunId, view.State, view.Start?.Mode ?? recorded?.Mode, view.Message, view.Progress ?? recorded?.Progress);
            return recorded is null ? null : new ShownRun(recorded.RunId, recorded.State, recorded.Mode, recorded.Error, recorded.Progress);
        }
    }

    /// <summary>The recorded runs, with the live run's state and counts fresher than its last record.</summary>
    private IReadOnlyList<BackfillRun> RecentRunsLive => _runs
        .Select(r => _view is { Progress: { } live } view && r.RunId == view.RunId ? r with { State = view.State, Progress = live } : r)
        .ToArray();

    private bool ShowsLiveView => _view is not null && Shown?.RunId == _view.RunId;

    private IReadOnlyList<WorkerActivity> Workers => ShowsLiveView ? _view!.Workers : [];

    private bool RunGoing => Shown is { } shown && RunStates.IsActive(shown.State);

    /// <summary>Live points while this app watches the run; otherwise (a run of the CLI, or before a restart) rebuilt from its batches.</summary>
    private IReadOnlyList<ThroughputPoint> Throughput => ShowsLiveView ? _view!.Throughput : _recordedThroughput;

    private IReadOnlyList<BatchActivity> LatestBatches => ShowsLiveView ? _view!.RecentBatches : _recordedBatches;

    protected override async Task OnInitializedAsync()
    {
        _view = Feed.View;
        _feedSubscription = Feed.Subscribe(OnLiveUpdateAsync);
        Launcher.Changed += OnLauncherChanged;
        _elsewherePoll = Time.CreateTimer(_ => _ = InvokeAsync(PollRunElsewhereAsync), null, ElsewherePollInterval, ElsewherePollInterval);
        await RefreshAsync();
    }

    protected override void Disposing()
    {
        _elsewherePoll?.Dispose();
        _feedSubscription?.Dispose();
        Launcher.Changed -= OnLauncherChanged;
    }

    /// <param name="reloadBatches">Read the recorded batches of the run on show even when they are of the same run (it moved on elsewhere).</param>
    private async Task RefreshAsync(bool reloadBatches = false)
    {
        _runsLoadedAt = Time.GetUtcNow();
        await GuardAsync("Loading runs", async ct =>
        {
            _runs = await Controller.ListRunsAsync(RecentRuns, ct);
            if (!ShowsLiveView && Shown is { } shown && (reloadBatches || shown.RunId != _recordedBatchesRunId))
            {
                var batches = await Controller.ListBatchesAsync(shown.RunId, ct);
                _recordedBatches = batches.Where(b => b.FinishedAt is not null).OrderByDescending(b => b.FinishedAt)
                    .Take(20).Select(BatchTable.FromRecord).ToArray();
                _recordedThroughput = ThroughputHistory.FromBatches(batches);
                _recordedBatchesRunId = shown.RunId;
            }
        });
    }

    private Task OnLiveUpdateAsync(LiveUpdate update) => InvokeAsync(async () =>
    {
        _view = update.View;
        // Progress comes from the view; the recorded runs are reloaded on state changes and now and then.
        if (update.Events.Any(e => e is RunStarted or RunStateChanged) || Time.GetUtcNow() - _runsLoadedAt >= RunsRefreshInterval)
            await RefreshAsync();
        StateHasChanged();
    });

    /// <summary>While another process executes the run on show, reads its record and batches again; the read after it ends shows how it ended.</summary>
    private async Task PollRunElsewhereAsync()
    {
        if (RunElsewhere is null)
            return;
        await RefreshAsync(reloadBatches: true);
        StateHasChanged();
    }

    private void OnLauncherChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task StartAsync()
    {
        var options = BackfillDefaults.Value;
        var parameters = new DialogParameters<StartBackfillDialog>
        {
            { d => d.Defaults, new BackfillRequest(BackfillMode.Full, options.Workers, options.BatchFills) },
        };
        var dialog = await Dialogs.ShowAsync<StartBackfillDialog>("Start a backfill", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: BackfillRequest request }
            && await GuardAsync("Starting the backfill", ct => Launcher.StartAsync(request, ct)))
        {
            Snackbar.Add($"{request.Mode} backfill started.", Severity.Info);
        }
    }

    private async Task PauseAsync()
    {
        if (await GuardAsync("Pausing", ct => Launcher.PauseAsync(ct)))
            Snackbar.Add("Pausing: the run stops after cancelling its running queries.", Severity.Info);
    }

    private async Task ResumeAsync()
    {
        if (Controller.Current is { } run && await GuardAsync("Resuming", ct => Launcher.ResumeAsync(run.RunId, ct)))
            Snackbar.Add($"Resuming run {run.RunId}.", Severity.Info);
    }

    private async Task CancelAsync()
    {
        var run = Controller.Current;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Cancel the run?",
            $"Run {run?.RunId} stops for good: running queries are killed and it cannot be resumed. Batches already finished stay written.",
            yesText: "Cancel run", cancelText: "Keep it");
        if (confirmed == true && await GuardAsync("Cancelling", ct => Launcher.CancelAsync(ct)))
            Snackbar.Add("Cancelling the run.", Severity.Warning);
    }

    private async Task RetryFailedAsync()
    {
        if (await GuardAsync("Retrying failed batches", ct => Launcher.RetryFailedAsync(ct)))
            Snackbar.Add("Retrying the failed batches.", Severity.Info);
    }

    private sealed record ShownRun(string RunId, RunState State, BackfillMode? Mode, string? Message, ProgressSnapshot? Progress);
}
