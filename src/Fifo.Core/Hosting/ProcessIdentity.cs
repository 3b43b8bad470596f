using System.Globalization;

namespace Fifo.Core.Hosting;

/// <summary>
/// A process, precisely enough for another process to tell whether it still runs. Written as
/// <c>host/scope/pid/start</c> wherever work records who does it (backfill runs, import tables).
/// <list type="bullet">
/// <item><see cref="Host"/>: the machine name, for people to read.</item>
/// <item><see cref="Scope"/>: which process table <see cref="ProcessId"/> belongs to, i.e. the kernel's boot id and the
/// pid namespace. Two machines can share a short host name, and containers can share a host name while numbering their
/// processes apart; only a process with the same scope can be looked up.</item>
/// <item><see cref="StartTicks"/>: when the process started, in clock ticks since boot (<c>/proc/PID/stat</c>). This is a
/// kernel counter, so unlike a wall-clock start time it does not move when the clock is stepped, and a reused pid has
/// another one.</item>
/// </list>
/// Linux only, as the embedded engine is: without <c>/proc</c>, no other process can be looked up.
/// </summary>
public sealed record ProcessIdentity(string Host, string Scope, int ProcessId, long StartTicks)
{
    private static readonly Lazy<ProcessIdentity> CurrentProcess = new(() =>
        new ProcessIdentity(Environment.MachineName, ThisScope(), Environment.ProcessId, StartTicksOf(Environment.ProcessId) ?? 0));

    /// <summary>This process.</summary>
    public static ProcessIdentity Current => CurrentProcess.Value;

    /// <summary>A process of this process table (e.g. a child), or null when it does not run.</summary>
    public static ProcessIdentity? Of(int processId) =>
        StartTicksOf(processId) is { } ticks ? new ProcessIdentity(Environment.MachineName, Current.Scope, processId, ticks) : null;

    /// <summary>Whether this process can be looked up from here: it belongs to this process's process table.</summary>
    public bool CanBeLookedUp => Scope == Current.Scope && Scope.Length > 0;

    /// <summary>
    /// Whether the process still runs: true or false when it <see cref="CanBeLookedUp"/>, null otherwise (another
    /// machine, container or boot, where only a heartbeat can tell).
    /// </summary>
    public bool? IsRunning() => CanBeLookedUp ? StartTicksOf(ProcessId) == StartTicks : null;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}/{Scope}/{ProcessId}/{StartTicks}");

    /// <summary>Reads <see cref="ToString"/>'s form; null for anything else.</summary>
    public static ProcessIdentity? TryParse(string? text) => text is null ? null : FromParts(text.Split('/'));

    /// <summary>The identity from its four written parts (host, scope, pid, start); null when they do not parse.</summary>
    public static ProcessIdentity? FromParts(IReadOnlyList<string> parts) =>
        parts.Count == 4 && parts[0].Length > 0 && parts[1].Length > 0
        && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new ProcessIdentity(parts[0], parts[1], pid, ticks)
            : null;

    /// <summary>The boot id and pid namespace (<c>a0dc7e39-…:4026531836</c>); empty without <c>/proc</c>.</summary>
    private static string ThisScope()
    {
        try
        {
            var bootId = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
            // The link reads "pid:[4026531836]": the namespace's inode.
            var pidNamespace = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "";
            var inode = pidNamespace.Where(char.IsAsciiDigit).ToArray();
            return bootId.Length > 0 && inode.Length > 0 ? $"{bootId}:{new string(inode)}" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Field 22 of <c>/proc/PID/stat</c>, the start time in clock ticks since boot; null when there is no such process.</summary>
    private static long? StartTicksOf(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // Field 2 is the command name in parentheses and may itself hold spaces and parentheses: count from the last ')'.
        // After it come field 3 (state) onwards, so field 22 is the 20th.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 20 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }
}
