namespace Fifo.Embedded.Launcher;

/// <summary>A runtimeconfig.json naming the running .NET and ASP.NET Core frameworks, for when none was copied.</summary>
internal static class RuntimeConfig
{
    public static string WriteFallback()
    {
        var version = Environment.Version;
        var path = Path.Combine(Path.GetTempPath(), $"fifo-clickhouse.{version}.runtimeconfig.json");
        if (!File.Exists(path))
        {
            var json = $$"""
                {
                  "runtimeOptions": {
                    "tfm": "net{{version.Major}}.{{version.Minor}}",
                    "frameworks": [
                      { "name": "Microsoft.NETCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" },
                      { "name": "Microsoft.AspNetCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" }
                    ],
                    "configProperties": { "System.Globalization.Invariant": true, "System.GC.Concurrent": false }
                  }
                }
                """;
            var temporary = path + "." + Environment.ProcessId;
            File.WriteAllText(temporary, json);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }
}
