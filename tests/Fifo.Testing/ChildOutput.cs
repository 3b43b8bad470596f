using Xunit.Abstractions;

namespace Fifo.Testing;

/// <summary>Writes a child process's output lines into a test's output.</summary>
public static class ChildOutput
{
    /// <summary>
    /// Writes <c>  fifo {stream}: {line}</c>; a null line (the stream's end) and a line that arrives after the test has
    /// finished (xunit then throws) are dropped.
    /// </summary>
    public static void WriteChildLine(this ITestOutputHelper output, string stream, string? line)
    {
        if (line is null)
            return;
        try
        {
            output.WriteLine($"  fifo {stream}: {line}");
        }
        catch (InvalidOperationException)
        {
            // A line that arrives after the test has finished.
        }
    }
}
