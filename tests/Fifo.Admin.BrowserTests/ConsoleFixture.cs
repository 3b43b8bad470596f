using Fifo.Admin.Tests.Hosting;
using Fifo.Core.Backfill;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Fifo.Admin.BrowserTests;

/// <summary>
/// One real app for the browser tests: Kestrel on a free loopback port, the embedded engine in a temporary data
/// directory (demo data loaded on first start, as a fresh clone would), a configured login; plus chromium.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string User = "operator";
    public const string Password = "browser test password";

    private readonly DirectoryInfo _dataDir = Directory.CreateTempSubdirectory("fifo-browser-tests-");
    private IPlaywright? _playwright;

    public AdminAppHost App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IBackfillController Controller => App.Services.GetRequiredService<IBackfillController>();

    public async Task InitializeAsync()
    {
        App = await AdminAppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Embedded:DataDir"] = _dataDir.FullName,
            ["Admin:User"] = User,
            ["Admin:PasswordHash"] = Security.AdminCredentials.HashPassword(Password),
            ["Admin:FirstStart:DemoFills"] = "200000",
            ["Admin:FirstStart:DemoWallets"] = "2000",
            ["Admin:FirstStart:DemoMarkets"] = "400",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        _dataDir.Delete(recursive: true);
    }

    /// <summary>A fresh browser context (no cookies), logged in through the login page.</summary>
    public async Task<IPage> LogInAsync(string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByTestId("login-user").FillAsync(User);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 4 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Makes sure the lots are computed (a completed backfill), for the report pages.</summary>
    public async Task EnsureBackfilledAsync()
    {
        var latest = (await Controller.ListRunsAsync(1)).FirstOrDefault();
        if (latest is { State: RunState.Completed })
            return;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Controller.Subscribe(e =>
        {
            if (e is RunStateChanged { State: RunState.Completed })
                done.TrySetResult();
        });
        await App.Services.GetRequiredService<Jobs.BackfillLauncher>().StartAsync(new BackfillRequest(BackfillMode.Full));
        await done.Task.WaitAsync(TimeSpan.FromMinutes(3));
    }
}
