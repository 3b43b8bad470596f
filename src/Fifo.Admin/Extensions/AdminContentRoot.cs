using Microsoft.Extensions.Configuration;

namespace Fifo.Admin.Extensions;

/// <summary>
/// The web app's content root is the repository root: it reads the top-level appsettings.json and serves the
/// top-level wwwroot/. Found by walking up to <see cref="Marker"/> from the working directory (covers
/// <c>dotnet run --project src/Fifo.Admin</c> from anywhere inside the repo) and from the build output (covers test
/// hosts under bin/); an app published or built elsewhere falls back to its own directory, which carries copies.
/// </summary>
public static class AdminContentRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string Marker = "Fifo.Admin.sln";

    public static WebApplicationOptions CreateOptions(string[] args)
    {
        // An explicit --contentRoot / ASPNETCORE_CONTENTROOT (also what test hosts use) wins.
        var explicitRoot = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(explicitRoot))
            return new WebApplicationOptions { Args = args };

        var root = Resolve(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        return new WebApplicationOptions { Args = args, ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") };
    }

    /// <summary>The repository root above <paramref name="workingDirectory"/> or <paramref name="baseDirectory"/>, else <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string workingDirectory, string baseDirectory) =>
        FindRepoRoot(workingDirectory) ?? FindRepoRoot(baseDirectory) ?? Path.GetFullPath(baseDirectory);

    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
                return dir.FullName;
        }
        return null;
    }
}
