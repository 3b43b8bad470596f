namespace Fifo.Admin.Security;

/// <summary>
/// The operator login, bound from the "Admin" section. <see cref="PasswordHash"/> is an ASP.NET Core Identity
/// PasswordHasher hash (PBKDF2), made with <c>dotnet run --project src/Fifo.Admin -- hash-password</c>; the
/// password itself is never stored or logged.
/// </summary>
public sealed class AdminLoginOptions
{
    public const string Section = "Admin";

    public string User { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>How long a login lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool IsConfigured => User.Length > 0 && PasswordHash.Length > 0;
}
