using Bunit;
using Fifo.Admin.Components.Pages.Leaderboard;
using Fifo.Core.Reports;
using Board = Fifo.Core.Reports.Leaderboard;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Leaderboard;

/// <summary>
/// The page on the real read service against a database that has no tables yet: the ClickHouse error reaches the
/// page as a readable message with its code, and the page stays usable.
/// </summary>
public sealed class LeaderboardPageTests(ClickHouseTestDatabase db) : ComponentTestBase, IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public void A_ClickHouse_error_is_shown_with_its_code_not_a_dead_page()
    {
        AddEngineServices(db);

        var page = Render<LeaderboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Leaderboard failed: ClickHouse error 60:", page.Find("[data-testid=error]").TextContent),
            TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Contains("No wallets match", page.Markup));
        page.Find("[data-testid=apply-filters]").Click();
        page.WaitForAssertion(() => Assert.Contains("ClickHouse error 60:", page.Find("[data-testid=error]").TextContent), TimeSpan.FromSeconds(30));
    }
}

/// <summary>MudTable cancels a load when the next one starts: the cancelled load is no failure.</summary>
public sealed class LeaderboardReloadTests : ComponentTestBase
{
    [Fact]
    public void A_load_replaced_by_the_next_one_shows_no_error()
    {
        var service = new FirstLoadHangs();
        Services.AddLogging();
        Services.AddSingleton<ILeaderboardService>(service);

        var page = Render<LeaderboardPage>();
        page.WaitForAssertion(() => Assert.Equal(1, service.Calls));
        page.Find("[data-testid=apply-filters]").Click();

        page.WaitForAssertion(() => Assert.Contains("0xreplacement", page.Markup), TimeSpan.FromSeconds(10));
        Assert.True(service.FirstCancelled);
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.DoesNotContain("Leaderboard failed", page.Markup);
    }

    /// <summary>The first query waits until it is cancelled; later ones answer at once.</summary>
    private sealed class FirstLoadHangs : ILeaderboardService
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool FirstCancelled { get; private set; }

        public async Task<Board> GetAsync(LeaderboardQuery query, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    FirstCancelled = cancellationToken.IsCancellationRequested;
                }
            }
            return new Board([new LeaderboardEntry(1, "0xreplacement", 10, 100, 0.1, 0.5, 3, 4, 200)], TimeSpan.FromMilliseconds(5));
        }
    }
}
