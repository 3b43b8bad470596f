using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Security;

/// <summary>Checks a user name and password against the configured admin login (PBKDF2 via Identity's PasswordHasher).</summary>
public sealed class AdminCredentials(IOptionsMonitor<AdminLoginOptions> options)
{
    // The hasher's user argument is unused by the default implementation; the hash carries its own salt and rounds.
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object AnyUser = new();

    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public bool Verify(string? user, string? password)
    {
        var login = options.CurrentValue;
        if (!login.IsConfigured || user is null || password is null)
            return false;
        // Always run the hash so a wrong user name takes as long as a wrong password.
        var passwordOk = Hasher.VerifyHashedPassword(AnyUser, login.PasswordHash, password) != PasswordVerificationResult.Failed;
        var userOk = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(login.User));
        return userOk && passwordOk;
    }

    public static string HashPassword(string password) => Hasher.HashPassword(AnyUser, password);

    /// <summary>Identity's format: base64 with a format marker byte (0x00 = v2, 0x01 = v3).</summary>
    public static bool IsWellFormedHash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 16 && bytes[0] is 0x00 or 0x01;
    }
}
