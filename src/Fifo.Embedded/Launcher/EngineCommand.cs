using System.Runtime.InteropServices;

namespace Fifo.Embedded.Launcher;

/// <summary>
/// How to start fifo-clickhouse: `dotnet fifo-clickhouse.dll` from the folder this assembly was loaded from (the
/// launcher and the engine are one assembly, so it is there in every program that references Fifo.Embedded), with
/// <see cref="EnvironmentVariables"/> added to the child's environment (what must not show on its command line).
/// </summary>
internal sealed record EngineCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> EnvironmentVariables)
{
    public const string AssemblyFileName = "fifo-clickhouse.dll";

    public static EngineCommand For(IEnumerable<string> engineArguments, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = typeof(EngineCommand).Assembly.Location;
        if (string.IsNullOrEmpty(assembly) || !File.Exists(assembly))
            throw new EmbeddedClickHouseException($"Cannot find {AssemblyFileName}: the launcher's assembly has no file location.");
        var directory = Path.GetDirectoryName(assembly)!;
        var arguments = new List<string> { "exec" };
        // A referencing program's output may lack fifo-clickhouse.runtimeconfig.json; the runtime is the one running now.
        var runtimeConfig = Path.Combine(directory, "fifo-clickhouse.runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
            runtimeConfig = RuntimeConfig.WriteFallback();
        arguments.AddRange(["--runtimeconfig", runtimeConfig, assembly]);
        arguments.AddRange(engineArguments);
        return new EngineCommand(DotnetHost(), arguments, environment);
    }

    /// <summary>The dotnet host running this program, so the engine uses the same installation.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            return fromSdk;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
            return current;
        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
