namespace Fifo.Admin.Security;

/// <summary>
/// Refuses to run when the server listens beyond loopback with no login configured: an open operator console on
/// the network is a configuration mistake, not a mode.
/// </summary>
public sealed class ListenAddressGuard(AdminAccess access, ILogger<ListenAddressGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = string.Join(", ", access.ListenAddresses);
        if (access.ListensBeyondLoopback && !access.LoginConfigured)
        {
            throw new InvalidOperationException(
                $"The admin console listens on {addresses}, beyond loopback, but no login is configured. Set " +
                $"{AdminLoginOptions.Section}:{nameof(AdminLoginOptions.User)} and {AdminLoginOptions.Section}:{nameof(AdminLoginOptions.PasswordHash)} " +
                "(hash from `dotnet run --project src/Fifo.Admin -- hash-password`), or listen on 127.0.0.1 only.");
        }
        logger.LogInformation("Admin console listening on {Addresses}; login {LoginMode}", addresses,
            access.LoginRequired ? "required" : "not required (loopback only, no login configured)");
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
