using Fifo.ClickHouse.Configuration;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Export;
using Fifo.ClickHouse.Import;
using Fifo.ClickHouse.Schema;
using Fifo.ClickHouse.Sql;
using Fifo.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse;

public static class FifoClickHouseServiceCollectionExtensions
{
    /// <summary>
    /// Options ("ClickHouse", "Tables", "Fifo", validated on start), the connection factory, SQL scripts, the schema
    /// migrator, CSV import/export and demo data. Needs an <see cref="IClickHouseEndpoint"/>
    /// (<c>AddClickHouseEndpoint</c> from Fifo.Embedded). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddFifoClickHouse(this IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<ClickHouseOptions, ClickHouseOptionsValidator>(services, configuration, ClickHouseOptions.Section);
        AddValidatedOptions<TableNames, TableNamesValidator>(services, configuration, TableNames.Section);
        AddValidatedOptions<FifoOptions, FifoOptionsValidator>(services, configuration, FifoOptions.Section);

        services.TryAddSingleton<ClickHouseConnectionFactory>();
        services.TryAddSingleton<SqlScripts>();
        services.TryAddSingleton<SourceTableVerifier>();
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<DatabaseInfoReader>();
        services.TryAddSingleton<CsvImporter>();
        services.TryAddSingleton<LotsCsvExporter>();
        services.TryAddSingleton<DemoDataGenerator>();
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationType == typeof(TValidator)))
            return;
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
