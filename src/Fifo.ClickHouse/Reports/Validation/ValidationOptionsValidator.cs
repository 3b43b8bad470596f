using Fifo.Core.Model;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Reports.Validation;

internal sealed class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, ValidationOptions options)
    {
        var errors = new List<string>();
        void Range(string key, double min, double max)
        {
            if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
                errors.Add($"{ValidationOptions.Section}:Min{key} ({min}) and Max{key} ({max}) must be finite with Min <= Max.");
        }

        if (!(options.MinWalletCoverage is >= 0 and <= 1))
            errors.Add($"{ValidationOptions.Section}:{nameof(options.MinWalletCoverage)} must be between 0 and 1, got {options.MinWalletCoverage}.");
        Range("WinRate", options.MinWinRate, options.MaxWinRate);
        Range("TotalRoi", options.MinTotalRoi, options.MaxTotalRoi);
        if (!(options.MaxAbsLotPnlUsd > 0))
            errors.Add($"{ValidationOptions.Section}:{nameof(options.MaxAbsLotPnlUsd)} must be > 0, got {options.MaxAbsLotPnlUsd}.");
        if (options.ConservationSampleWallets < 1)
            errors.Add($"{ValidationOptions.Section}:{nameof(options.ConservationSampleWallets)} must be at least 1, got {options.ConservationSampleWallets}.");
        if (!(options.ConservationToleranceUsd >= 0) || !double.IsFinite(options.ConservationToleranceUsd))
            errors.Add($"{ValidationOptions.Section}:{nameof(options.ConservationToleranceUsd)} must be a finite number >= 0, got {options.ConservationToleranceUsd}.");
        if (options.LeaderboardMaxQueryTime <= TimeSpan.Zero)
            errors.Add($"{ValidationOptions.Section}:{nameof(options.LeaderboardMaxQueryTime)} must be positive, got {options.LeaderboardMaxQueryTime}.");
        for (var i = 0; i < options.KnownWallets.Count; i++)
        {
            var known = options.KnownWallets[i];
            if (!WalletAddress.TryNormalize(known.Wallet, out _))
                errors.Add($"{ValidationOptions.Section}:{nameof(options.KnownWallets)}:{i}:Wallet '{known.Wallet}' is not 0x + 40 hex digits.");
            if (!(known.ToleranceUsd >= 0) || !double.IsFinite(known.ToleranceUsd))
                errors.Add($"{ValidationOptions.Section}:{nameof(options.KnownWallets)}:{i}:ToleranceUsd must be a finite number >= 0.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
