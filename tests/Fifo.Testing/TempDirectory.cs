namespace Fifo.Testing;

/// <summary>A new directory under the temp directory that is deleted, with what it holds, on dispose.</summary>
public sealed class TempDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // An engine process that was killed may still hold a file for a moment.
        }
    }
}
