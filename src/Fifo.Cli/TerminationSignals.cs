using System.Runtime.InteropServices;

namespace Fifo.Cli;

/// <summary>
/// How the CLI answers SIGINT (Ctrl+C) and SIGTERM: the first one cancels the command's token and lets the command
/// finish on its own, however long that takes (a backfill pauses: it cancels its running queries, writes its
/// bookkeeping rows, prints its summary and exits 130; against a remote server that can take more than a few
/// seconds). A second signal exits at once with 128 + the signal number (130, 143); a backfill left that way is shown
/// interrupted and resumes like a paused one.
/// </summary>
/// <remarks>
/// This replaces System.CommandLine's own handling, which forces the exit 2 s after the first signal whether the
/// command has finished or not (and reports 143 for a SIGTERM-paused backfill). While a command's host runs, the
/// host's console lifetime also marks every SIGINT/SIGTERM as handled, so the runtime's default action (terminate)
/// never happens then: the second signal exits explicitly.
/// </remarks>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation;
    private readonly TextWriter messages;
    private readonly Action<int> exit;
    private readonly List<PosixSignalRegistration> registrations = [];
    private int received;

    /// <summary>Not listening yet: <see cref="Handle"/> is what a registration calls (<see cref="Listen"/> registers it).</summary>
    /// <param name="messages">Gets one line per signal.</param>
    /// <param name="exit">Ends the process with the exit code it is given, at the second signal.</param>
    /// <param name="cancellationToken">Cancels <see cref="Token"/> too.</param>
    public TerminationSignals(TextWriter messages, Action<int> exit, CancellationToken cancellationToken)
    {
        this.messages = messages;
        this.exit = exit;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM (or by the token given to <see cref="Listen"/>).</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>Handles SIGINT and SIGTERM until disposed; <paramref name="messages"/> gets one line per signal.</summary>
    public static TerminationSignals Listen(TextWriter messages, CancellationToken cancellationToken)
    {
        var signals = new TerminationSignals(messages, Environment.Exit, cancellationToken);
        if (!OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi())
        {
            signals.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle));
            signals.registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle));
        }
        return signals;
    }

    /// <summary>Handles one SIGINT or SIGTERM: the first cancels <see cref="Token"/>, the second exits.</summary>
    public void Handle(PosixSignalContext context)
    {
        // Never the runtime's default action: the first signal stops cleanly, the second exits below.
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGINT ? "Ctrl+C (SIGINT)" : context.Signal.ToString();
        if (Interlocked.Increment(ref received) == 1)
        {
            Write($"fifo: {name}: stopping cleanly (a running backfill pauses and can be resumed); send it again to exit at once.");
            // Off the runtime's signal thread: cancellation callbacks run synchronously and must not delay a second signal.
            _ = Task.Run(Cancel);
        }
        else
        {
            Write($"fifo: {name} again: exiting at once.");
            exit(ExitCode(context.Signal));
        }
    }

    /// <summary>What a shell reports for a process ended by <paramref name="signal"/>: 128 + its number.</summary>
    public static int ExitCode(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => 1,
    };

    private void Cancel()
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command finished in the meantime.
        }
    }

    private void Write(string line)
    {
        try
        {
            messages.WriteLine(line);
            messages.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // stderr is gone (a closed pipe): the signal is still handled.
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        cancellation.Dispose();
    }
}
