using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Security;

/// <summary>
/// Whether pages and the hub need a login: always when a login is configured, and whenever the server listens
/// beyond loopback (then a login MUST be configured, see <see cref="ListenAddressGuard"/>). On loopback without a
/// configured login the console is open to the local machine only, and each request must show it comes from it
/// (<see cref="LocalOnlyMiddleware"/>).
/// </summary>
public sealed class AdminAccess(IOptionsMonitor<AdminLoginOptions> login, IServer server)
{
    public bool LoginConfigured => login.CurrentValue.IsConfigured;

    public bool LoginRequired => LoginConfigured || ListensBeyondLoopback;

    public bool ListensBeyondLoopback => ListenAddresses.Any(a => !IsLoopback(a));

    /// <summary>What the server is bound to (empty for an in-memory test server).</summary>
    public IReadOnlyCollection<string> ListenAddresses =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>True for 127.0.0.0/8, [::1] and localhost; wildcards (*, +, 0.0.0.0, [::]) and other hosts are not.</summary>
    public static bool IsLoopback(string address) => IsLoopbackHost(BindingAddress.Parse(address).Host);

    /// <summary>True for a host name without port that names loopback: localhost, 127.0.0.0/8, ::1 (with or without brackets).</summary>
    public static bool IsLoopbackHost(string host)
    {
        host = host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
