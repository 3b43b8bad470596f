using Bunit;
using Fifo.Admin.Components.Pages.Leaderboard;
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
