using System.Text.Json;

namespace Fifo.Embedded.Launcher;

/// <summary>
/// fifo-clickhouse.endpoint.json in the data directory: which live process serves that directory, and the secret its
/// requests need, so a second program (the CLI while the web app runs) uses it instead of failing on chDB's
/// directory lock. Readable by its owner only: the secret lets anyone run any SQL.
/// </summary>
internal sealed record EndpointFile(int Pid, int Port, string Version, DateTime StartedUtc, string Secret)
{
    public const string FileName = "fifo-clickhouse.endpoint.json";

    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public void Write(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        var temporary = path + ".tmp";
        // Created with its mode rather than narrowed after: no moment when another user could open it. CreateNew, as
        // the mode applies only to a file this call creates, not to one left behind.
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = Mode;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, this);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file, or null when there is none or it is unreadable (or from a version that had no secret).</summary>
    public static EndpointFile? TryRead(string dataDirectory)
    {
        try
        {
            var file = JsonSerializer.Deserialize<EndpointFile>(File.ReadAllText(PathIn(dataDirectory)));
            return string.IsNullOrEmpty(file?.Secret) ? null : file;
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
