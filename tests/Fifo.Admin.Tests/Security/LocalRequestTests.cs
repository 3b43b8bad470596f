using System.Net;
using Fifo.Admin.Security;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Fifo.Admin.Tests.Security;

public sealed class LocalRequestTests
{
    [Theory]
    [InlineData("127.0.0.1", "localhost", true)]
    [InlineData("::1", "[::1]:5080", true)]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1:5080", true)]
    [InlineData("192.168.1.20", "localhost:5080", false)]
    [InlineData("127.0.0.1", "console.example", false)]
    public void Needs_a_loopback_peer_and_a_loopback_host(string remote, string host, bool local)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Host = HostString.FromUriComponent(host);

        Assert.Equal(local, LocalRequest.IsLocal(context));
    }

    [Fact]
    public void A_request_without_a_peer_address_is_not_local()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("localhost");

        Assert.False(LocalRequest.IsLocal(context));
    }
}
