namespace Fifo.Cli;

/// <summary>The CLI's exit codes. Scripts rely on them: keep them stable.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something failed that the user's input did not cause: the server is down, a query failed, a bug.</summary>
    public const int Failed = 1;
    /// <summary>The user's input is wrong: usage, configuration, a malformed CSV, an unknown table, bad SQL.</summary>
    public const int BadInput = 2;
}
