using System.Globalization;

namespace Fifo.Bench;

/// <summary>The machine a run measured: cores, CPU model and memory, from /proc where available.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memoryKb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var memory = long.TryParse(memoryKb, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024:F0} GB RAM")
            : "unknown RAM";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memory}, {Environment.OSVersion}, .NET {Environment.Version}");
    }

    private static string? FirstValue(string path, string key)
    {
        try
        {
            return File.ReadLines(path)
                .Where(line => line.StartsWith(key, StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
