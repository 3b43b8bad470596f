using Fifo.Core.Hosting;
using Fifo.Testing;
using Xunit;

namespace Fifo.Core.Tests.Hosting;

public sealed class ProcessIdentityTests
{
    [Fact]
    public void Round_trips_through_its_text()
    {
        var current = ProcessIdentity.Current;

        Assert.Equal(Environment.ProcessId, current.ProcessId);
        Assert.NotEqual("", current.Scope);
        Assert.True(current.StartTicks > 0);
        Assert.Equal(current, ProcessIdentity.TryParse(current.ToString()));
        Assert.Null(ProcessIdentity.TryParse("host/scope/12/x"));
        Assert.Null(ProcessIdentity.TryParse("host//12/34"));
        Assert.Null(ProcessIdentity.TryParse("host/12/34"));
        Assert.Null(ProcessIdentity.TryParse(null));
    }

    [Fact]
    public void A_process_runs_until_it_exits_and_one_with_another_start_is_another_process()
    {
        using var child = ChildProcess.Start();
        var identity = child.Identity;
        Assert.True(identity.CanBeLookedUp);
        Assert.True(identity.IsRunning());
        Assert.False((identity with { StartTicks = identity.StartTicks - 1 }).IsRunning());

        child.Stop();

        Assert.False(identity.IsRunning());
        Assert.Null(ProcessIdentity.Of(identity.ProcessId));
    }

    [Fact]
    public void A_process_of_another_machine_or_container_cannot_be_looked_up_even_under_the_same_host_name()
    {
        var current = ProcessIdentity.Current;
        var sameNameElsewhere = current with { Scope = "another-boot:4026531836" };

        Assert.False(sameNameElsewhere.CanBeLookedUp);
        Assert.Null(sameNameElsewhere.IsRunning());
    }
}
