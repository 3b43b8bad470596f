using System.Diagnostics;
using Fifo.Embedded.Server;
using Microsoft.Extensions.Logging;

namespace Fifo.Embedded.Launcher;

/// <summary>
/// A running fifo-clickhouse child. Its stdin is a pipe this process never writes to: when this process ends, even
/// by kill -9, the pipe closes and the child stops. Its stderr is logged and the last lines are kept for the error
/// message of a crash.
/// </summary>
internal sealed partial class EngineProcess : IDisposable
{
    private const int KeptStderrLines = 40;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly ILogger logger;
    private readonly Queue<string> stderrTail = new();
    private readonly TaskCompletionSource<int> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool stopping;

    private EngineProcess(Process process, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
    }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Raised once when the child exits without being asked to.</summary>
    public event Action<EngineProcess>? ExitedUnexpectedly;

    public static EngineProcess Start(EngineCommand command, ILogger logger)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in command.EnvironmentVariables)
            info.Environment[name] = value;
        // chDB follows the process time zone; every timestamp in this project is UTC.
        info.Environment["TZ"] = "UTC";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var engine = new EngineProcess(process, logger);
        process.OutputDataReceived += (_, e) => engine.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => engine.OnStderr(e.Data);
        process.Exited += (_, _) => engine.OnExited();
        if (!process.Start())
            throw new EmbeddedClickHouseException($"Could not start {command.FileName}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return engine;
    }

    /// <summary>The port from the ready line; a child that exits or stays silent first is an error saying so.</summary>
    public async Task<int> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new EmbeddedClickHouseException(
                $"The embedded ClickHouse engine (pid {Pid}) did not report ready within {timeout.TotalSeconds:0} s; it was killed.{DescribeOutput()}");
        }
    }

    public string DescribeExit() => process.HasExited
        ? $"exited with code {process.ExitCode}.{DescribeOutput()}"
        : $"is still running.{DescribeOutput()}";

    /// <summary>Closes its stdin (its signal to stop cleanly), waits, and kills it if it does not go.</summary>
    public async Task StopAsync()
    {
        stopping = true;
        if (process.HasExited)
            return;
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            LogStopped(Pid, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            LogKilledOnStop(Pid, StopTimeout.TotalSeconds);
            Kill();
        }
    }

    public void Kill()
    {
        stopping = true;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private void OnStdout(string? line)
    {
        if (ReadyLine.TryParse(line, out var port))
            ready.TrySetResult(port);
        else if (line is not null)
            LogChildOutput(Pid, line);
    }

    private void OnStderr(string? line)
    {
        if (line is null)
            return;
        lock (stderrTail)
        {
            stderrTail.Enqueue(line);
            while (stderrTail.Count > KeptStderrLines)
                stderrTail.Dequeue();
        }
        if (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal)
                                                              || line.StartsWith("fifo-clickhouse:", StringComparison.Ordinal))
            LogChildError(Pid, line);
        else
            LogChildOutput(Pid, line);
    }

    private void OnExited()
    {
        // Let the asynchronous stderr reader deliver the last lines before they are quoted.
        process.WaitForExit();
        ready.TrySetException(new EmbeddedClickHouseException(
            $"The embedded ClickHouse engine (pid {Pid}) exited with code {process.ExitCode} before it was ready.{DescribeOutput()}"));
        if (!stopping)
            ExitedUnexpectedly?.Invoke(this);
    }

    private string DescribeOutput()
    {
        lock (stderrTail)
        {
            return stderrTail.Count == 0 ? "" : $" Last output:{Environment.NewLine}{string.Join(Environment.NewLine, stderrTail)}";
        }
    }

    public void Dispose() => process.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "fifo-clickhouse[{Pid}] {Line}")]
    private partial void LogChildOutput(int pid, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "fifo-clickhouse[{Pid}] {Line}")]
    private partial void LogChildError(int pid, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded ClickHouse (pid {Pid}) stopped with code {ExitCode}")]
    private partial void LogStopped(int pid, int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded ClickHouse (pid {Pid}) did not stop within {Seconds} s; killed")]
    private partial void LogKilledOnStop(int pid, double seconds);
}
