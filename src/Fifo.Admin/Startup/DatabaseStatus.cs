namespace Fifo.Admin.Startup;

/// <summary>
/// Whether the database is ready for the pages: the schema migrated and, on a first embedded start, demo data
/// loaded. Pages render once it is <see cref="DatabaseStage.Ready"/>; a failure is shown with its reason.
/// </summary>
public sealed class DatabaseStatus
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DatabaseStage Stage { get; private set; } = DatabaseStage.Starting;

    /// <summary>What is happening now (stages before Ready) or what went wrong (Failed).</summary>
    public string Detail { get; private set; } = "Starting ClickHouse";

    public event Action? Changed;

    public bool IsReady => Stage == DatabaseStage.Ready;

    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    internal void Set(DatabaseStage stage, string detail)
    {
        lock (_gate)
        {
            Stage = stage;
            Detail = detail;
            if (stage == DatabaseStage.Ready)
                _ready.TrySetResult();
            else if (_ready.Task.IsCompleted)
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Changed?.Invoke();
    }
}
