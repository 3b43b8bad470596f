using System.Runtime.InteropServices;
using Xunit;

namespace Fifo.Cli.Tests;

/// <summary>The first SIGINT/SIGTERM asks the command to stop (no deadline); the second exits at once.</summary>
public sealed class TerminationSignalsTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT, 130)]
    [InlineData(PosixSignal.SIGTERM, 143)]
    public async Task First_signal_cancels_the_token_and_the_second_exits_with_128_plus_the_signal(PosixSignal signal, int exitCode)
    {
        var messages = new StringWriter();
        var exits = new List<int>();
        using var signals = new TerminationSignals(messages, exits.Add, CancellationToken.None);

        var first = new PosixSignalContext(signal);
        signals.Handle(first);
        await Task.Delay(Timeout.Infinite, signals.Token).ContinueWith(_ => { }).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(first.Cancel, "the runtime's default action (terminate at once) must not run");
        Assert.True(signals.Token.IsCancellationRequested);
        Assert.Empty(exits);
        Assert.Contains("stopping cleanly", messages.ToString(), StringComparison.Ordinal);

        var second = new PosixSignalContext(signal);
        signals.Handle(second);
        Assert.Equal([exitCode], exits);
        Assert.Contains("exiting at once", messages.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_callers_token_cancels_it_too()
    {
        using var caller = new CancellationTokenSource();
        using var signals = new TerminationSignals(TextWriter.Null, _ => Assert.Fail("no exit"), caller.Token);
        Assert.False(signals.Token.IsCancellationRequested);
        caller.Cancel();
        Assert.True(signals.Token.IsCancellationRequested);
    }
}
