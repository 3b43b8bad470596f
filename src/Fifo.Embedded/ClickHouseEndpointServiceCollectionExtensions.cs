using Fifo.ClickHouse.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fifo.Embedded;

public static class ClickHouseEndpointServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IClickHouseEndpoint"/>: the server named by ClickHouse:ConnectionString when it is set,
    /// otherwise the embedded engine (a singleton, started on first use and stopped with the host).
    /// </summary>
    public static IServiceCollection AddClickHouseEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[$"{ClickHouseOptions.Section}:{nameof(ClickHouseOptions.ConnectionString)}"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IClickHouseEndpoint>(new ServerEndpoint(connectionString));
            return services;
        }

        services.AddOptions<EmbeddedOptions>().Bind(configuration.GetSection(EmbeddedOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedOptions>, EmbeddedOptionsValidator>());
        services.TryAddSingleton<EmbeddedClickHouse>();
        services.TryAddSingleton<IClickHouseEndpoint>(sp => sp.GetRequiredService<EmbeddedClickHouse>());
        return services;
    }
}
