using Fifo.Admin.Extensions;
using Microsoft.Playwright;

namespace Fifo.Admin.BrowserTests;

/// <summary>
/// Where the browser tests save their screenshots: FIFO_SCREENSHOTS_DIR, else TestResults/screenshots in the
/// repository (or next to the test binaries outside one).
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Resolve();

    /// <param name="fullPage">The whole page; false for what fits the window (long tables).</param>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        // Let charts and transitions settle so the picture shows what an operator sees.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Directory, name + ".png"),
            FullPage = fullPage,
            // Notifications come and go; the picture is of the page.
            Style = ".mud-snackbar { visibility: hidden !important; }",
        });
    }

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("FIFO_SCREENSHOTS_DIR");
        var root = AdminContentRoot.FindRepoRoot(System.IO.Directory.GetCurrentDirectory())
                   ?? AdminContentRoot.FindRepoRoot(AppContext.BaseDirectory)
                   ?? AppContext.BaseDirectory;
        var directory = string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, "TestResults", "screenshots") : Path.GetFullPath(configured);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
