using Fifo.Backfill.Configuration;
using Fifo.Backfill.Execution;
using Fifo.Backfill.Planning;
using Fifo.Backfill.Progress;
using Fifo.Backfill.Runs;
using Fifo.ClickHouse;
using Fifo.ClickHouse.Engine;
using Fifo.ClickHouse.Reports;
using Fifo.Core.Backfill;
using Fifo.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill;

public static class FifoEngineServiceCollectionExtensions
{
    /// <summary>
    /// Everything a host needs to compute and read FIFO lots: the ClickHouse layer, the SQL FIFO engine, the read
    /// services and the backfill orchestrator as the singleton <see cref="IBackfillController"/>, with the "Backfill"
    /// section bound and validated on start. Needs an IClickHouseEndpoint (<c>AddClickHouseEndpoint</c>).
    /// The batch query goes through <see cref="IBatchExecutor"/>; a registration added after this call replaces it.
    /// </summary>
    public static IServiceCollection AddFifoEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFifoClickHouse(configuration);
        services.AddFifoSqlEngine();
        services.AddFifoReports();

        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<BackfillOptions>)
                               && d.ImplementationType == typeof(BackfillOptionsValidator)))
        {
            services.AddOptions<BackfillOptions>().Bind(configuration.GetSection(BackfillOptions.Section)).ValidateOnStart();
            services.AddSingleton<IValidateOptions<BackfillOptions>, BackfillOptionsValidator>();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RevisionClock>();
        services.TryAddSingleton<RunOwnerLiveness>();
        services.TryAddSingleton<EventBroadcaster>();
        services.TryAddSingleton<BackfillStore>();
        services.TryAddSingleton<WalletDiscovery>();
        services.TryAddSingleton<RunPlanner>();
        services.TryAddSingleton<QueryKiller>();
        services.TryAddSingleton<ServerSettingsCheck>();
        services.TryAddSingleton<IBatchExecutor, SqlEngineBatchExecutor>();
        services.TryAddSingleton<BatchRunner>();
        services.TryAddSingleton<BackfillOrchestrator>();
        services.TryAddSingleton<IBackfillController>(sp => sp.GetRequiredService<BackfillOrchestrator>());
        return services;
    }
}
