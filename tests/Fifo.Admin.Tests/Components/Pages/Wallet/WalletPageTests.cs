using Bunit;
using Fifo.Admin.Components.Pages.Wallet;
using Fifo.ClickHouse.Schema;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fifo.Admin.Tests.Components.Pages.Wallet;

/// <summary>The wallet page on the real spot-check service against a migrated database without fills.</summary>
public sealed class WalletPageTests(ClickHouseTestDatabase db) : ComponentTestBase, IClassFixture<ClickHouseTestDatabase>
{
    [Fact]
    public async Task A_wallet_the_database_knows_nothing_about_is_called_unknown_instead_of_showing_zero_totals()
    {
        AddEngineServices(db);
        await Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var wallet = "0x" + new string('d', 40);

        var page = Render<WalletPage>(parameters => parameters.Add(p => p.Address, wallet));

        page.WaitForAssertion(() => Assert.Contains($"Wallet {wallet} is unknown", page.Find("[data-testid=wallet-unknown]").TextContent),
            TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("[data-testid=wallet-totals]"));
        Assert.Empty(page.FindAll("[data-testid=recompute]"));
    }
}
