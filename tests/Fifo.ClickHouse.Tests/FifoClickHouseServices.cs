using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.ClickHouse.Tests;

/// <summary>The data layer's services on a test database, as the hosts register them.</summary>
internal static class FifoClickHouseServices
{
    public static ServiceProvider Create(ClickHouseTestDatabase db, params (string Key, string Value)[] settings) =>
        db.CreateServices(
            (services, configuration) => services.AddFifoClickHouse(configuration),
            db.CreateConfiguration(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));
}
