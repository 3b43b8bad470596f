using System.Globalization;

namespace Fifo.Embedded.Server;

/// <summary>
/// Command line of fifo-clickhouse: --data-dir DIR [--port 0] [--library PATH] [--pool-size N]; the secret every
/// request must carry comes from the environment (<see cref="EngineSecret.EnvironmentVariable"/>), not the command line.
/// </summary>
internal sealed record ServerArguments(string DataDirectory, int Port, string LibraryPath, int PoolSize, string Secret)
{
    public const string Usage = "usage: fifo-clickhouse --data-dir DIR [--port 0] [--library PATH] [--pool-size N], "
                                + $"with the secret in ${EngineSecret.EnvironmentVariable}";

    /// <summary>Guessing 32 random bytes is out of reach; a shorter secret is a mistake, not a choice.</summary>
    private const int MinimumSecretLength = 43;

    public static ServerArguments Parse(IReadOnlyList<string> args, string? secret)
    {
        string? dataDirectory = null;
        var port = 0;
        var library = EmbeddedOptions.DefaultLibraryPath();
        var poolSize = 4;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--data-dir": dataDirectory = Value(); break;
                case "--port": port = ParseInt(args[i], Value(), 0, 65535); break;
                case "--library": library = Value(); break;
                case "--pool-size": poolSize = ParseInt(args[i], Value(), 1, 64); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(dataDirectory))
            throw new ArgumentException($"--data-dir is required. {Usage}");
        // The engine never serves without one: it would answer any local user's SQL.
        if (secret is null || secret.Length < MinimumSecretLength)
            throw new ArgumentException($"${EngineSecret.EnvironmentVariable} must hold a secret of at least {MinimumSecretLength} characters. {Usage}");
        return new ServerArguments(Path.GetFullPath(dataDirectory), port, library, poolSize, secret);
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'. {Usage}");
}
