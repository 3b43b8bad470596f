using Fifo.Embedded.Launcher;
using Fifo.Embedded.Native;

namespace Fifo.Embedded.Server;

/// <summary>Entry point of fifo-clickhouse.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Out of the parent's process group, so a terminal's Ctrl+C reaches only the parent, which stops it when done.
        EngineProcessGroup.Leave();
        ServerArguments arguments;
        try
        {
            arguments = ServerArguments.Parse(args, Environment.GetEnvironmentVariable(EngineSecret.EnvironmentVariable));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        // Read once; nothing the engine might start inherits it.
        Environment.SetEnvironmentVariable(EngineSecret.EnvironmentVariable, null);
        try
        {
            return await EngineServer.RunAsync(arguments).ConfigureAwait(false);
        }
        catch (ChdbLibraryException e)
        {
            await Console.Error.WriteLineAsync($"fifo-clickhouse: {e.Message}").ConfigureAwait(false);
            return 4;
        }
    }
}
