using System.Diagnostics;
using Fifo.Core.Hosting;
using Xunit;

namespace Fifo.Core.Tests.Hosting;

public sealed class ProcessIdentityTests
{
    [Fact]
    public void Round_trips_through_its_text()
    {
        var current = ProcessIdentity.Current;

        Assert.Equal(Environment.ProcessId, current.ProcessId);
        Assert.Equal(current, ProcessIdentity.TryParse(current.ToString()));
        Assert.Null(ProcessIdentity.TryParse("host/12/x"));
        Assert.Null(ProcessIdentity.TryParse("/12/34"));
        Assert.Null(ProcessIdentity.TryParse(null));
    }

    [Fact]
    public void A_process_of_this_host_runs_until_it_exits_and_another_start_time_is_another_process()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var identity = new ProcessIdentity(Environment.MachineName, process.Id,
            new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
        Assert.True(identity.IsRunning());
        Assert.False((identity with { ProcessStartMs = identity.ProcessStartMs - 60_000 }).IsRunning());

        process.Kill();
        process.WaitForExit();

        Assert.False(identity.IsRunning());
    }

    [Fact]
    public void Another_hosts_process_cannot_be_looked_at()
    {
        var remote = new ProcessIdentity("some-other-host", 4242, 1_700_000_000_000);

        Assert.False(remote.IsOnThisHost);
        Assert.Null(remote.IsRunning());
    }
}
