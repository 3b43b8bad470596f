using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fifo.ClickHouse.Engine;

public static class FifoSqlEngineServiceCollectionExtensions
{
    /// <summary>
    /// The SQL FIFO engine (<see cref="FifoSqlEngine"/>, singleton). Needs <c>AddFifoClickHouse</c> (connection
    /// factory, SQL scripts, Fifo options). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddFifoSqlEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<FifoSqlEngine>();
        return services;
    }
}
