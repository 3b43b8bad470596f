namespace Fifo.Admin.Jobs;

/// <summary>A backfill job that ended with an error before or while running, as the pages show it.</summary>
public sealed record LaunchFailure(DateTimeOffset At, string What, string Message);
