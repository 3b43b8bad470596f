using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fifo.Embedded.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Fifo.Embedded.Http;

/// <summary>
/// Who may run statements on the engine: a request carrying this launch's secret, the way ClickHouse.Driver and
/// curl send a password (HTTP basic auth, or X-ClickHouse-User / X-ClickHouse-Key), and not sent by a web page.
/// </summary>
internal sealed class EngineAccess(string secret)
{
    private const string UserHeader = "X-ClickHouse-User";
    private const string KeyHeader = "X-ClickHouse-Key";

    private readonly byte[] secret = Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// Browsers add Origin to every cross-site request and to every POST; no client of the engine sends it. Refused
    /// before anything else: a web page can send a text/plain POST to any port without a CORS preflight, and must
    /// not reach the engine whatever it knows or guesses.
    /// </summary>
    public static bool IsFromWebPage(HttpRequest request) => request.Headers.ContainsKey(HeaderNames.Origin);

    public bool IsAuthenticated(HttpRequest request) =>
        TryGetCredentials(request, out var user, out var password)
        && user == EngineSecret.User
        // Constant time: how much of a guess matched must not show in how long the answer takes.
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), secret);

    public static Task RefuseWebPageAsync(HttpContext context) =>
        QueryResponse.WriteErrorAsync(context, HttpStatusCode.Forbidden, ErrorCodes.AccessDenied, ErrorCodes.Format(ErrorCodes.AccessDenied, "ACCESS_DENIED",
            "Requests sent by a web page (with an Origin header) are not accepted by the embedded engine"));

    /// <summary>
    /// 401 with ClickHouse's own text for a wrong password (a server gives that code 403; 401 is what HTTP means
    /// for missing or wrong credentials, and what a client retrying with credentials expects).
    /// </summary>
    public static Task RefuseUnauthenticatedAsync(HttpContext context) =>
        QueryResponse.WriteErrorAsync(context, HttpStatusCode.Unauthorized, ErrorCodes.AuthenticationFailed, ErrorCodes.Format(ErrorCodes.AuthenticationFailed, "AUTHENTICATION_FAILED",
            $"{EngineSecret.User}: Authentication failed: password is incorrect, or there is no user with such name"));

    private static bool TryGetCredentials(HttpRequest request, out string user, out string password)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            return TryDecodeBasic(authorization.Parameter, out user, out password);
        user = request.Headers[UserHeader].ToString();
        password = request.Headers[KeyHeader].ToString();
        return user.Length > 0;
    }

    private static bool TryDecodeBasic(string? parameter, out string user, out string password)
    {
        user = password = "";
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(parameter ?? "");
        }
        catch (FormatException)
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(decoded);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
