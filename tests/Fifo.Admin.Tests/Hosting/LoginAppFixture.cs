using Fifo.Testing.ClickHouse;

namespace Fifo.Admin.Tests.Hosting;

/// <summary>The app with a configured login.</summary>
public sealed class LoginAppFixture : AdminAppFixture
{
    protected override Dictionary<string, string?> Settings(ClickHouseTestDatabase database) => TestSettings.For(database, withLogin: true);
}
