using System.Buffers.Text;
using System.Security.Cryptography;

namespace Fifo.Embedded;

/// <summary>
/// The password of one engine launch: every query must carry it (as user <see cref="User"/>), so a local user or a
/// process that finds the port cannot run SQL, which could read any file the engine can (<c>file()</c>).
/// </summary>
internal static class EngineSecret
{
    /// <summary>
    /// How the launcher hands the secret to the child: in its environment, which only its own user can read
    /// (/proc/PID/environ is 0400), never on the command line, which every user can (/proc/PID/cmdline).
    /// </summary>
    public const string EnvironmentVariable = "FIFO_ENGINE_SECRET";

    /// <summary>The only user: ClickHouse's default, which a connection string without Username names too.</summary>
    public const string User = "default";

    private const int Bytes = 32;

    /// <summary>32 random bytes, base64url: no character a connection string or a header would need to escape.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
}
