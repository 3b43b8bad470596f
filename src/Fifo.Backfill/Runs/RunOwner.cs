using System.Diagnostics;
using System.Globalization;

namespace Fifo.Backfill.Runs;

/// <summary>
/// Who is executing a run: the host, the process (id and start time, so a reused pid is not mistaken for the
/// original) and the execution segment (one per start or resume). Stored with every run row as
/// <c>host/pid/start-ms/segment</c>; <see cref="RunOwnerLiveness"/> decides whether it still lives.
/// </summary>
public sealed record RunOwner(string Host, int ProcessId, long ProcessStartMs, string Segment)
{
    private static readonly Lazy<(int Id, long StartMs)> ThisProcess = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return (process.Id, new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
    });

    /// <summary>A new segment of this process.</summary>
    public static RunOwner NewSegment() =>
        new(Environment.MachineName, ThisProcess.Value.Id, ThisProcess.Value.StartMs, Guid.NewGuid().ToString("N"));

    public bool IsThisProcess =>
        Host == Environment.MachineName && ProcessId == ThisProcess.Value.Id && ProcessStartMs == ThisProcess.Value.StartMs;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{ProcessStartMs}/{Segment}");

    public static RunOwner? TryParse(string? text)
    {
        var parts = text?.Split('/');
        return parts is { Length: 4 }
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var startMs)
            ? new RunOwner(parts[0], pid, startMs, parts[3])
            : null;
    }
}
