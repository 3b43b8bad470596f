using Fifo.ClickHouse.Reports.Leaderboards;
using Fifo.ClickHouse.Reports.Validation;
using Fifo.ClickHouse.Reports.Validation.Checks;
using Fifo.ClickHouse.Reports.Wallets;
using Fifo.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports;

public static class FifoReportsServiceCollectionExtensions
{
    /// <summary>
    /// The read services: validation report (options from the "Validation" section, validated on start), leaderboard
    /// and wallet spot-check. Needs <c>AddFifoClickHouse</c> (connection factory, SQL scripts, Fifo options).
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddFifoReports(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidationService)))
            return services;

        services.AddOptions<ValidationOptions>().BindConfiguration(ValidationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ValidationOptions>, ValidationOptionsValidator>();

        services.TryAddSingleton<ReportQueries>();
        services.TryAddSingleton<WalletDataReader>();
        services.TryAddSingleton<ILeaderboardService, LeaderboardService>();
        services.TryAddSingleton<IWalletSpotCheckService, WalletSpotCheckService>();
        services.TryAddSingleton<IValidationService, ValidationService>();
        services.TryAddTransient<ValidationRun>();
        services.TryAddSingleton<Func<ValidationRun>>(sp => sp.GetRequiredService<ValidationRun>);

        // The report lists checks in this order: what is stored, then whether it is right, then how fast it is read.
        services.AddSingleton<IValidationCheck, LotCountsCheck>();
        services.AddSingleton<IValidationCheck, WalletCoverageCheck>();
        services.AddSingleton<IValidationCheck, DuplicateKeysCheck>();
        services.AddSingleton<IValidationCheck, RowIdentitiesCheck>();
        services.AddSingleton<IValidationCheck, ConservationSampleCheck>();
        services.AddSingleton<IValidationCheck, ResolutionConsistencyCheck>();
        services.AddSingleton<IValidationCheck, PayoutFormatCheck>();
        services.AddSingleton<IValidationCheck, PriceRangeCheck>();
        services.AddSingleton<IValidationCheck, PnlSanityCheck>();
        services.AddSingleton<IValidationCheck, KnownWalletsCheck>();
        services.AddSingleton<IValidationCheck, LeaderboardTimeCheck>();
        return services;
    }
}
