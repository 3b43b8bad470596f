using System.Runtime.InteropServices;

namespace Fifo.Embedded.Launcher;

/// <summary>
/// fifo-clickhouse leaves its parent's process group as the first thing it does. Ctrl+C on a terminal sends SIGINT to
/// the whole foreground process group: the engine would stop at once, before its parent (the CLI pausing a backfill,
/// the web console pausing on its way out) could write its last rows through it. In a group of its own it gets only
/// the signals sent to its pid; it still stops when its parent ends, by the closing of its stdin (see EngineProcess).
/// </summary>
/// <remarks>
/// .NET's Process cannot start a child in a new group, and a parent may not move a child that has already exec'd, so
/// the engine moves itself: a Ctrl+C in the first moments of its start (before Main) still reaches it, when its
/// parent is being interrupted anyway.
/// </remarks>
internal static partial class EngineProcessGroup
{
    /// <summary>
    /// Makes this process the leader of a new process group in its session, when started by a launcher (stdin is
    /// a pipe); false otherwise. Someone running fifo-clickhouse by hand on a terminal keeps their Ctrl+C, and it
    /// does not become a background group reading the terminal (which would stop it with SIGTTIN).
    /// </summary>
    public static bool Leave()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
            return false;
        if (!Console.IsInputRedirected)
            return false;
        // Fails only for a session leader (already alone in its group and session): nothing to leave then.
        return SetProcessGroup(0, 0) == 0;
    }

    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    private static partial int SetProcessGroup(int pid, int processGroup);
}
