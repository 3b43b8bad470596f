using System.Globalization;
using Fifo.Core.Backfill;

namespace Fifo.Cli.BackfillOutput;

/// <summary>
/// The backfill's log file: every event as a timestamped line (progress at most every <see cref="ProgressEvery"/>),
/// flushed line by line so a killed process leaves a complete log behind.
/// </summary>
internal sealed class BackfillLogFile : IDisposable
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly StreamWriter writer;
    private DateTimeOffset lastProgress = DateTimeOffset.MinValue;

    private BackfillLogFile(StreamWriter writer) => this.writer = writer;

    public string Path => ((FileStream)writer.BaseStream).Name;

    /// <summary>Opens (appends to) the file, creating its directory.</summary>
    public static BackfillLogFile Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new BackfillLogFile(new StreamWriter(stream) { AutoFlush = true });
    }

    /// <summary>The default file for a backfill started now: <c>logs/backfill-YYYYMMDD-HHMMSS.log</c>.</summary>
    public static string DefaultPath(DateTimeOffset now) =>
        System.IO.Path.Combine("logs", "backfill-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".log");

    public void Write(BackfillEvent e)
    {
        lock (gate)
        {
            if (e is RunProgress)
            {
                if (e.At - lastProgress < ProgressEvery)
                    return;
                lastProgress = e.At;
            }
            WriteLine(e.At, BackfillEventText.Describe(e));
        }
    }

    public void Write(DateTimeOffset at, string line)
    {
        lock (gate)
            WriteLine(at, line);
    }

    public void Dispose()
    {
        lock (gate)
            writer.Dispose();
    }

    private void WriteLine(DateTimeOffset at, string line) =>
        writer.WriteLine(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + line);
}
