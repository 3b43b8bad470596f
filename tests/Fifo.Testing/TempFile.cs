using System.Text.Json;

namespace Fifo.Testing;

/// <summary>A file under the temp directory (written now if content is given) that is deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string extension, string? content = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fifo-test-{Guid.NewGuid():N}{extension}");
        if (content is not null)
            File.WriteAllText(Path, content);
    }

    public string Path { get; }

    /// <summary>A settings file for <c>--config</c> or AddJsonFile: <paramref name="settings"/> serialized as JSON.</summary>
    public static TempFile Json(object settings) => new(".json", JsonSerializer.Serialize(settings));

    /// <summary>A CSV file: <paramref name="lines"/> joined by "\n", with a final newline.</summary>
    public static TempFile Csv(params string[] lines) => new(".csv", string.Join("\n", lines) + "\n");

    public void Dispose() => File.Delete(Path);
}
