using System.Globalization;
using System.Text.Json;

namespace Fifo.Bench;

/// <summary>
/// Peak resident memory of the embedded engine process (the child <c>fifo-clickhouse</c> serving the data
/// directory), from Linux's /proc: the peak counter (VmHWM) is reset before a measured phase, and VmRSS is sampled
/// during it as well, in case the reset is not permitted.
/// </summary>
internal sealed class EngineMemory : IAsyncDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long sampledPeak;

    private EngineMemory(int pid)
    {
        this.pid = pid;
        sampler = Task.Run(SampleAsync);
    }

    /// <summary>Starts watching the engine that serves <paramref name="dataDirectory"/> (it writes its pid there).</summary>
    public static EngineMemory Watch(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "fifo-clickhouse.endpoint.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var memory = new EngineMemory(json.RootElement.GetProperty("Pid").GetInt32());
        memory.ResetPeak();
        return memory;
    }

    /// <summary>Peak RSS since <see cref="Watch"/>, in bytes.</summary>
    public long PeakBytes => Math.Max(Interlocked.Read(ref sampledPeak), ReadStatus("VmHWM") ?? 0);

    private void ResetPeak()
    {
        try
        {
            // "5" resets the peak RSS (VmHWM) of the process to its current RSS.
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not permitted here: the sampled peak still bounds it from below.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var rss = ReadStatus("VmRSS") ?? 0;
                if (rss > Interlocked.Read(ref sampledPeak))
                    Interlocked.Exchange(ref sampledPeak, rss);
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long? ReadStatus(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal))
                    continue;
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampler;
        stop.Dispose();
    }
}
