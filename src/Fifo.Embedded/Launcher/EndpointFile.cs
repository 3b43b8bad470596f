using System.Text.Json;

namespace Fifo.Embedded.Launcher;

/// <summary>
/// fifo-clickhouse.endpoint.json in the data directory: which live process serves that directory, so a second
/// program (the CLI while the web app runs) uses it instead of failing on chDB's directory lock.
/// </summary>
internal sealed record EndpointFile(int Pid, int Port, string Version, DateTime StartedUtc)
{
    public const string FileName = "fifo-clickhouse.endpoint.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public void Write(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, path, overwrite: true);
    }

    public static EndpointFile? TryRead(string dataDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize<EndpointFile>(File.ReadAllText(PathIn(dataDirectory)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Removes the file if it still names <paramref name="pid"/> (a newer engine may have replaced it).</summary>
    public static void DeleteIfOwnedBy(string dataDirectory, int pid)
    {
        if (TryRead(dataDirectory)?.Pid == pid)
            File.Delete(PathIn(dataDirectory));
    }
}
