using System.Net;

namespace Fifo.Admin.Security;

/// <summary>
/// Whether a request provably comes from this machine, as the console without a login requires. Listening on
/// loopback is not enough: a reverse proxy on the same host connects from loopback on behalf of anyone (and says so
/// in forwarding headers), and a DNS-rebound page in a local browser reaches loopback under a foreign host name.
/// </summary>
public static class LocalRequest
{
    /// <summary>Headers proxies add (RFC 7239's Forwarded, the X-Forwarded-* family, nginx's X-Real-IP).</summary>
    private const string ForwardedPrefix = "X-Forwarded-";
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Real-IP"];

    public static bool IsLocal(HttpContext context) =>
        IsLoopback(context.Connection.RemoteIpAddress)
        && AdminAccess.IsLoopbackHost(context.Request.Host.Host)
        && !IsForwarded(context.Request.Headers);

    private static bool IsLoopback(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static bool IsForwarded(IHeaderDictionary headers) =>
        headers.Keys.Any(name => name.StartsWith(ForwardedPrefix, StringComparison.OrdinalIgnoreCase)
                                 || ForwardingHeaders.Contains(name, StringComparer.OrdinalIgnoreCase));
}
