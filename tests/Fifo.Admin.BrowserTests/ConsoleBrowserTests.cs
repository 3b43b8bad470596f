using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Fifo.Admin.BrowserTests;

/// <summary>
/// An operator's day in chromium against the real app: log in, run a backfill and watch it, pause and resume,
/// read the validation report, browse the leaderboard, spot-check a wallet, look at runs and settings.
/// Screenshots go to <see cref="Screenshots.Directory"/>.
/// </summary>
public sealed partial class ConsoleBrowserTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private static readonly float Long = (float)TimeSpan.FromMinutes(3).TotalMilliseconds;

    [Fact]
    public async Task Login_is_required_and_a_wrong_password_is_refused()
    {
        var context = await console.Browser.NewContextAsync(new() { BaseURL = console.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/leaderboard");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fleaderboard$"));
        await page.GetByTestId("login-user").FillAsync(ConsoleFixture.User);
        await page.GetByTestId("login-password").FillAsync("not the password");
        await Screenshots.SaveAsync(page, "login");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong user name or password.");
        await page.GetByTestId("login-user").FillAsync(ConsoleFixture.User);
        await page.GetByTestId("login-password").FillAsync(ConsoleFixture.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leaderboard$"));
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(ConsoleFixture.User);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_backfill_shows_live_progress_and_pauses_and_resumes_to_completion()
    {
        var page = await console.LogInAsync();
        await Expect(page.GetByTestId("start")).ToBeEnabledAsync();

        await page.GetByTestId("start").ClickAsync();
        var dialog = page.GetByTestId("start-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Fills per batch").FillAsync("15000");
        await dialog.GetByLabel("Workers").FillAsync("1");
        await page.GetByTestId("start-confirm").ClickAsync();

        // Progress moves while the run goes: collect what the bar shows until it is past its start.
        var seen = new List<double>();
        await Expect(RunState(page)).ToHaveTextAsync("Running", new() { Timeout = Long });
        var watchUntil = DateTime.UtcNow.AddMinutes(1);
        while ((seen.Count == 0 || seen[^1] <= 0) && DateTime.UtcNow < watchUntil)
        {
            seen.Add(await PercentAsync(page));
            await page.WaitForTimeoutAsync(50);
        }
        await Screenshots.SaveAsync(page, "backfill-running");
        Assert.InRange(seen[^1], 0.01, 99.99);

        await page.GetByTestId("pause").ClickAsync();
        await Expect(RunState(page)).ToHaveTextAsync("Paused", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("resume")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("start")).ToBeDisabledAsync();
        var pausedAt = await PercentAsync(page);
        await Screenshots.SaveAsync(page, "backfill-paused");
        Assert.InRange(pausedAt, seen[^1], 99.99);

        await page.GetByTestId("resume").ClickAsync();
        await Expect(RunState(page)).ToHaveTextAsync("Running", new() { Timeout = Long });
        var afterResume = await PercentAsync(page);
        // Wait for the end, whatever it is, then require it to be the good one (a failed run fails fast).
        await Expect(RunState(page)).ToHaveTextAsync(new Regex("^(Completed|Failed|Cancelled)$"), new() { Timeout = Long });
        await Expect(RunState(page)).ToHaveTextAsync("Completed", new() { Timeout = 1_000 });
        await Expect(page.GetByTestId("progress-percent")).ToHaveTextAsync("100.0%");
        Assert.True(afterResume >= pausedAt, $"resumed at {afterResume}% after pausing at {pausedAt}%");
        await Expect(page.GetByTestId("start")).ToBeEnabledAsync();
        await Screenshots.SaveAsync(page, "backfill");
    }

    [Fact]
    public async Task Validation_leaderboard_and_a_wallet_spot_check_with_recompute()
    {
        await console.EnsureBackfilledAsync();
        var page = await console.LogInAsync("/validation");

        await Expect(page.GetByTestId("validation-overall")).ToBeVisibleAsync(new() { Timeout = Long });
        await Expect(page.GetByTestId("check").First).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("check").CountAsync() > 3);
        await Screenshots.SaveAsync(page, "validation");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-json").ClickAsync());
        Assert.Matches("^validation-\\d{8}-\\d{6}\\.json$", download.SuggestedFilename);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())))
            Assert.True(json.RootElement.GetProperty("checks").GetArrayLength() > 3);

        await page.GetByRole(AriaRole.Link, new() { Name = "Leaderboard" }).ClickAsync();
        await Expect(page.GetByTestId("query-time")).ToContainTextAsync("Top 100 by PnL ↓");
        var wallets = page.GetByTestId("wallet-link");
        await Expect(wallets).ToHaveCountAsync(100); // the demo data has 2,000 wallets
        await Screenshots.SaveAsync(page, "leaderboard", fullPage: false);
        await page.Locator(".mud-table-sort-label", new() { HasText = "ROI" }).ClickAsync();
        await Expect(page.GetByTestId("query-time")).ToContainTextAsync("by ROI");
        await page.Locator(".mud-table-sort-label", new() { HasText = "PnL" }).ClickAsync();
        await Expect(page.GetByTestId("query-time")).ToContainTextAsync("by PnL");

        // The label above the table changes a moment before the rows do, so the rows to pick from are those of a fresh
        // load (PnL order from the start), and the link clicked is the one whose address was read.
        await page.ReloadAsync();
        await Expect(wallets).ToHaveCountAsync(100);
        var wallet = (await wallets.First.GetAttributeAsync("title"))!;
        await page.Locator($"[data-testid=wallet-link][title='{wallet}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/wallet/{wallet}$"));
        await Expect(page.GetByTestId("wallet-totals")).ToBeVisibleAsync(new() { Timeout = Long });
        await Expect(page.Locator("tbody [data-testid=pnl]").First).ToBeVisibleAsync();
        await page.GetByTestId("recompute").ClickAsync();
        await Expect(page.GetByTestId("comparison-match")).ToBeVisibleAsync(new() { Timeout = Long });
        await Screenshots.SaveAsync(page, "wallet", fullPage: false);

        await page.GetByTestId("wallet-input").FillAsync("0x123");
        await page.GetByTestId("wallet-search").ClickAsync();
        await Expect(page.GetByText("Not a wallet address")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Runs_and_settings_pages_show_the_recorded_runs_and_the_engine()
    {
        await console.EnsureBackfilledAsync();
        var page = await console.LogInAsync("/runs");

        var runLinks = page.GetByTestId("runs").Locator("tbody a");
        await Expect(runLinks.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "runs");
        await runLinks.First.ClickAsync();
        await Expect(page.GetByTestId("batch-table").Locator("tbody tr").First).ToBeVisibleAsync();
        // Rebuilt from the stored batches, also for a run this console did not watch.
        await Expect(page.GetByTestId("throughput").Locator("svg").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "run-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(page.GetByTestId("mode")).ToHaveTextAsync("embedded (chDB child process)");
        await Expect(page.GetByTestId("engine-version")).ToHaveTextAsync(new Regex("^26\\.7"));
        var fillsRows = page.Locator("[data-table=Fills] [data-testid=table-rows]");
        await Expect(fillsRows).Not.ToHaveTextAsync("–");
        await Screenshots.SaveAsync(page, "settings");
    }

    [Fact]
    public async Task A_bad_csv_file_is_refused_with_its_line_and_column()
    {
        var page = await console.LogInAsync("/settings");
        var csv = Path.Combine(Path.GetTempPath(), $"resolutions-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "condition_id,payout_numerators,resolved_at",
            $"{new string('a', 64)},\"[1,0]\",2024-05-01 12:00:00",
            $"{new string('b', 64)},\"[0,1]\",yesterday",
            ""));
        try
        {
            await page.GetByLabel("Resolutions").CheckAsync();
            await page.GetByTestId("csv-import").Locator("input[type=file]").SetInputFilesAsync(csv);
            await page.GetByTestId("import").ClickAsync();

            var error = page.GetByTestId("csv-import").GetByTestId("error");
            await Expect(error).ToContainTextAsync(Path.GetFileName(csv), new() { Timeout = Long });
            await Expect(error).ToContainTextAsync("line 3");
            await Expect(error).ToContainTextAsync("resolved_at");
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>The state chip of the run on show (the runs table has chips too).</summary>
    private static ILocator RunState(IPage page) => page.GetByTestId("progress-card").GetByTestId("run-state");

    private static async Task<double> PercentAsync(IPage page)
    {
        var text = await page.GetByTestId("progress-percent").TextContentAsync();
        return double.Parse(text!.TrimEnd('%'), CultureInfo.InvariantCulture);
    }
}
