using Fifo.Testing.ClickHouse;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>The app with no login configured, on loopback.</summary>
public sealed class OpenAppFixture : AdminAppFixture
{
    protected override Dictionary<string, string?> Settings(ClickHouseTestDatabase database) => TestSettings.For(database);
}
