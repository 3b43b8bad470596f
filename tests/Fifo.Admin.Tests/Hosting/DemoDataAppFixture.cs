using Fifo.ClickHouse.DemoData;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>The app (no login) over a small demo data set: enough wallets for a dozen batches.</summary>
public sealed class DemoDataAppFixture : AdminAppFixture
{
    protected override Dictionary<string, string?> Settings(ClickHouseTestDatabase database) => TestSettings.For(database);

    protected override async Task PrepareAsync() =>
        await App.Services.GetRequiredService<DemoDataGenerator>()
            .GenerateAsync(new DemoDataRequest { Fills = 60_000, Wallets = 600, Markets = 120, Seed = 7 });
}
