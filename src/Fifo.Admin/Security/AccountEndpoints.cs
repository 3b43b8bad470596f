using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Security;

/// <summary>Form posts of the login page (antiforgery-validated, as every form-bound minimal endpoint is).</summary>
public static class AccountEndpoints
{
    public const string LoginPage = "/login";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>Slows password guessing; a real operator barely notices.</summary>
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LoginPath, LoginAsync).AllowAnonymous();
        endpoints.MapPost(LogoutPath, LogoutAsync);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm(Name = "user")] string? user,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        HttpContext http, AdminCredentials credentials, IOptionsMonitor<AdminLoginOptions> options, ILoggerFactory loggers)
    {
        var target = IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var logger = loggers.CreateLogger(typeof(AccountEndpoints).FullName!);
        if (!credentials.Verify(user, password))
        {
            // The user name helps an operator spot guessing; the password is never logged.
            logger.LogWarning("Failed login for user {User} from {RemoteIp}", user, http.Connection.RemoteIpAddress);
            await Task.Delay(FailureDelay, http.RequestAborted);
            return Results.Redirect($"{LoginPage}?error=1&returnUrl={Uri.EscapeDataString(target)}");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user!)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = DateTimeOffset.UtcNow + options.CurrentValue.SessionLifetime });
        logger.LogInformation("User {User} logged in from {RemoteIp}", user, http.Connection.RemoteIpAddress);
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // No form fields to bind, so nothing checks the token unless this does.
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(LoginPage);
    }

    /// <summary>Only paths on this site: no open redirect through returnUrl.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
