using Fifo.ClickHouse.Schema;
using Fifo.Testing.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace Fifo.Backfill.Tests.Support;

/// <summary>The backfill engine's services on a test database, as the hosts register them, schema migrated.</summary>
internal static class BackfillServices
{
    /// <summary>Short retry delays so that retry tests stay fast; tests add or override keys.</summary>
    private static readonly (string Key, string Value)[] Defaults =
    [
        ("Backfill:RetryBaseDelay", "00:00:00.020"),
        ("Backfill:Workers", "2"),
    ];

    public static async Task<ServiceProvider> CreateAsync(ClickHouseTestDatabase db,
        Action<IServiceCollection>? configure = null, params (string Key, string Value)[] settings)
    {
        var services = db.CreateServices(
            (s, configuration) =>
            {
                s.AddFifoEngine(configuration);
                configure?.Invoke(s);
            },
            db.CreateConfiguration(Defaults.Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));
        await services.GetRequiredService<SchemaMigrator>().EnsureMigratedAsync();
        return services;
    }
}
