namespace Fifo.Admin.Security;

/// <summary>
/// With no login configured, answers 403 to every request (pages, assets, the hub) that is not
/// <see cref="LocalRequest.IsLocal">provably local</see>, saying how to configure a login. With a login nothing is
/// filtered here: the authorization policy asks for it.
/// </summary>
public sealed class LocalOnlyMiddleware(RequestDelegate next, AdminAccess access, ILogger<LocalOnlyMiddleware> logger)
{
    public const string Refusal =
        "This admin console has no login configured, so it only answers requests made directly on this machine to " +
        "http://127.0.0.1, http://[::1] or http://localhost (not through a proxy or under another host name). To reach " +
        $"it any other way, configure a login: set {AdminLoginOptions.Section}:{nameof(AdminLoginOptions.User)} and " +
        $"{AdminLoginOptions.Section}:{nameof(AdminLoginOptions.PasswordHash)} (hash from " +
        "`dotnet run --project src/Fifo.Admin -- hash-password`) and restart it.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (access.LoginRequired || LocalRequest.IsLocal(context))
        {
            await next(context);
            return;
        }

        logger.LogWarning("Refused {Method} {Path} for {Host} from {RemoteIp}: no login is configured and the request is not local",
            context.Request.Method, context.Request.Path, context.Request.Host, context.Connection.RemoteIpAddress);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Refusal, context.RequestAborted);
    }
}
