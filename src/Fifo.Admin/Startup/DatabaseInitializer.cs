using Fifo.Admin.Errors;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.DemoData;
using Fifo.ClickHouse.Schema;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Startup;

/// <summary>
/// Prepares the database in the background once the app starts: runs the schema migrations and, on an embedded
/// engine whose fills table is empty, loads a small demo data set. Progress and failure go to
/// <see cref="DatabaseStatus"/>; a failed attempt can be retried from the page.
/// </summary>
public sealed class DatabaseInitializer(
    SchemaMigrator migrator,
    IClickHouseEndpoint endpoint,
    DemoDataGenerator demoData,
    IOptions<FirstStartOptions> firstStart,
    DatabaseStatus status,
    ILogger<DatabaseInitializer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => InitializeAsync(stoppingToken);

    /// <summary>Runs (or reruns after a failure) the preparation; a no-op once ready.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (status.IsReady)
            return;
        try
        {
            status.Set(DatabaseStage.Starting, $"Connecting to ClickHouse ({endpoint.Description})");
            await endpoint.GetConnectionStringAsync(cancellationToken);

            status.Set(DatabaseStage.Migrating, "Running schema migrations");
            await migrator.EnsureMigratedAsync(cancellationToken);

            var options = firstStart.Value;
            if (endpoint.IsEmbedded && options.LoadDemoData && await demoData.SourceTablesEmptyAsync(cancellationToken))
            {
                status.Set(DatabaseStage.LoadingDemoData, $"First start: loading demo data ({options.DemoFills:N0} fills)");
                var result = await demoData.GenerateAsync(new DemoDataRequest
                {
                    Fills = options.DemoFills,
                    Wallets = options.DemoWallets,
                    Markets = options.DemoMarkets,
                    Seed = options.DemoSeed,
                }, cancellationToken: cancellationToken);
                logger.LogInformation("Demo data loaded: {FillRows} fill rows, {ResolutionRows} resolution rows in {ElapsedMs} ms",
                    result.FillRows, result.ResolutionRows, (long)result.Elapsed.TotalMilliseconds);
            }
            status.Set(DatabaseStage.Ready, "Ready");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Preparing the database failed");
            status.Set(DatabaseStage.Failed, ErrorText.Describe(ex));
        }
    }
}
