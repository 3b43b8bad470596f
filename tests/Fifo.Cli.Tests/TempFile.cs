namespace Fifo.Cli.Tests;

/// <summary>A file under the temp directory that is deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension, string? content = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fifo-cli-test-{Guid.NewGuid():N}{extension}");
        if (content is not null)
            File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public static TempFile Json(object settings) => new(".json", System.Text.Json.JsonSerializer.Serialize(settings));

    public static TempFile Csv(params string[] lines) => new(".csv", string.Join("\n", lines) + "\n");

    public void Dispose() => File.Delete(Path);
}
