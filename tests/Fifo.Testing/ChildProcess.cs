using System.Diagnostics;
using Fifo.Core.Hosting;

namespace Fifo.Testing;

/// <summary>
/// Another process of this process table for liveness tests: a <c>sleep</c> child that runs until <see cref="Stop"/>
/// or dispose, with its <see cref="ProcessIdentity"/>.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;

    private ChildProcess(Process process)
    {
        this.process = process;
        Identity = ProcessIdentity.Of(process.Id) ?? throw new InvalidOperationException("The child exited at once.");
    }

    public ProcessIdentity Identity { get; }

    public static ChildProcess Start() =>
        new(Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start sleep."));

    /// <summary>The identity of a child that has already exited (and been reaped).</summary>
    public static ProcessIdentity Exited()
    {
        using var child = Start();
        child.Stop();
        return child.Identity;
    }

    /// <summary>Kills the child and waits until it is gone.</summary>
    public void Stop()
    {
        if (!process.HasExited)
            process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
    }
}
