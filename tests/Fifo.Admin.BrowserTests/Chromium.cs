using Microsoft.Playwright;

namespace Fifo.Admin.BrowserTests;

/// <summary>
/// Debian's chromium (installed by scripts/install-chromium.sh), driven by Playwright's bundled driver; Playwright's
/// own browser downloads are never used. FIFO_CHROMIUM points at another binary.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("FIFO_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        if (!File.Exists(ExecutablePath))
            throw new FileNotFoundException($"No chromium at {ExecutablePath}: run scripts/install-chromium.sh (or set FIFO_CHROMIUM).", ExecutablePath);
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        };
    }
}
