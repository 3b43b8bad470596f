using Fifo.Backfill.Runs;
using Fifo.Core.Hosting;
using Fifo.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Fifo.Backfill.Tests.Runs;

public sealed class RunOwnerLivenessTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void An_owner_round_trips_through_its_text()
    {
        var owner = RunOwner.NewSegment();
        Assert.Equal(owner, RunOwner.TryParse(owner.ToString()));
        Assert.Null(RunOwner.TryParse("not an owner"));
        Assert.Null(RunOwner.TryParse(""));
        // as written before owners carried the scope: not readable, so taken for dead
        Assert.Null(RunOwner.TryParse("vm/12749/1795546768926/0f1e2d"));
    }

    [Fact]
    public void A_segment_of_this_process_lives_while_registered()
    {
        var liveness = new RunOwnerLiveness(time);
        var owner = RunOwner.NewSegment();

        Assert.False(liveness.IsAlive(owner.ToString(), time.GetUtcNow()));
        using (RunOwnerLiveness.Register(owner))
            Assert.True(liveness.IsAlive(owner.ToString(), time.GetUtcNow()));
        Assert.False(liveness.IsAlive(owner.ToString(), time.GetUtcNow()));
    }

    [Fact]
    public void A_process_of_this_host_lives_until_it_exits()
    {
        using var child = ChildProcess.Start();
        var owner = new RunOwner(child.Identity, "segment");
        var liveness = new RunOwnerLiveness(time);
        Assert.True(liveness.IsAlive(owner.ToString(), time.GetUtcNow()));

        child.Stop();

        Assert.False(liveness.IsAlive(owner.ToString(), time.GetUtcNow()));
    }

    [Fact]
    public void A_reused_pid_is_not_mistaken_for_the_owner()
    {
        var current = RunOwner.NewSegment();
        var sameProcessIdOtherStart = new RunOwner(current.Process with { StartTicks = current.Process.StartTicks - 100 }, "x");

        Assert.False(new RunOwnerLiveness(time).IsAlive(sameProcessIdOtherStart.ToString(), time.GetUtcNow()));
    }

    [Fact]
    public void An_owner_on_another_host_lives_while_its_heartbeat_is_fresh()
    {
        var liveness = new RunOwnerLiveness(time);
        var remote = new RunOwner(new ProcessIdentity("some-other-host", "another-boot:4026531836", 4242, 123_456), "segment").ToString();

        Assert.True(liveness.IsAlive(remote, time.GetUtcNow() - RunOwnerLiveness.RemoteStaleAfter / 2));
        Assert.False(liveness.IsAlive(remote, time.GetUtcNow() - RunOwnerLiveness.RemoteStaleAfter - TimeSpan.FromSeconds(1)));
    }
}
