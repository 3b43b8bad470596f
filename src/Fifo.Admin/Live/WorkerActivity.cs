namespace Fifo.Admin.Live;

/// <summary>What one worker of the current run is doing.</summary>
public sealed record WorkerActivity(
    int Worker,
    WorkerStatus Status,
    int? BatchNo,
    int Attempt,
    string? FirstWallet,
    string? LastWallet,
    long Fills,
    DateTimeOffset Since);
