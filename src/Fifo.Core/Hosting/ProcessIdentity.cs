using System.Diagnostics;
using System.Globalization;

namespace Fifo.Core.Hosting;

/// <summary>
/// A process on a host: its id and its start time, so that a reused pid is not taken for the original. Written as
/// <c>host/pid/start-ms</c> wherever work records who does it (backfill runs, import tables), so that a later process
/// can tell work whose owner died from work still in progress.
/// </summary>
public sealed record ProcessIdentity(string Host, int ProcessId, long ProcessStartMs)
{
    private static readonly Lazy<ProcessIdentity> CurrentProcess = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessIdentity(Environment.MachineName, process.Id, StartMs(process));
    });

    /// <summary>This process.</summary>
    public static ProcessIdentity Current => CurrentProcess.Value;

    public bool IsOnThisHost => Host == Environment.MachineName;

    /// <summary>
    /// Whether the process still runs: true or false for a process of this host, null for another host's, which
    /// cannot be looked at from here.
    /// </summary>
    public bool? IsRunning()
    {
        if (!IsOnThisHost)
            return null;
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return !process.HasExited && Math.Abs(StartMs(process) - ProcessStartMs) < 1000;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while we looked
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{ProcessStartMs}");

    /// <summary>Reads <see cref="ToString"/>'s form; null for anything else.</summary>
    public static ProcessIdentity? TryParse(string? text)
    {
        var parts = text?.Split('/');
        return parts is { Length: 3 } ? FromParts(parts[0], parts[1], parts[2]) : null;
    }

    /// <summary>The identity from its three written parts; null when they do not parse.</summary>
    public static ProcessIdentity? FromParts(string host, string processId, string processStartMs) =>
        host.Length > 0
        && int.TryParse(processId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && long.TryParse(processStartMs, NumberStyles.None, CultureInfo.InvariantCulture, out var startMs)
            ? new ProcessIdentity(host, pid, startMs)
            : null;

    private static long StartMs(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
}
