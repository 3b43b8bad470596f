using Microsoft.Extensions.Options;

namespace Fifo.Admin.Security;

/// <summary>User and hash come together; the hash must be one <see cref="AdminCredentials"/> can verify.</summary>
public sealed class AdminLoginOptionsValidator : IValidateOptions<AdminLoginOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminLoginOptions options)
    {
        const string prefix = AdminLoginOptions.Section + ":";
        if (options.User.Length == 0 && options.PasswordHash.Length == 0)
            return ValidateOptionsResult.Success;
        if (options.User.Length == 0)
            return ValidateOptionsResult.Fail($"{prefix}{nameof(options.User)} is empty but {prefix}{nameof(options.PasswordHash)} is set: set both or neither.");
        if (options.PasswordHash.Length == 0)
            return ValidateOptionsResult.Fail($"{prefix}{nameof(options.PasswordHash)} is empty but {prefix}{nameof(options.User)} is set: set both or neither (make a hash with `dotnet run --project src/Fifo.Admin -- hash-password`).");
        if (!AdminCredentials.IsWellFormedHash(options.PasswordHash))
            return ValidateOptionsResult.Fail($"{prefix}{nameof(options.PasswordHash)} is not a password hash: make one with `dotnet run --project src/Fifo.Admin -- hash-password` (the plain password never goes into configuration).");
        if (options.SessionLifetime <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{prefix}{nameof(options.SessionLifetime)} must be positive.");
        return ValidateOptionsResult.Success;
    }
}
