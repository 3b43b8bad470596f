using System.Text.RegularExpressions;
using Fifo.ClickHouse.Engine;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.Backfill.Configuration;

/// <summary>Checks the "Backfill" section on start; every message names the configuration key at fault.</summary>
internal sealed partial class BackfillOptionsValidator : IValidateOptions<BackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, BackfillOptions options)
    {
        var errors = new List<string>();
        const string section = BackfillOptions.Section;
        if (options.Workers is < 1 or > BackfillOptions.MaxWorkers)
            errors.Add($"{section}:{nameof(options.Workers)} must be between 1 and {BackfillOptions.MaxWorkers}, not {options.Workers}.");
        if (options.BatchFills < 1)
            errors.Add($"{section}:{nameof(options.BatchFills)} must be at least 1, not {options.BatchFills}.");
        if (options.MaxAttempts is < 1 or > 100)
            errors.Add($"{section}:{nameof(options.MaxAttempts)} must be between 1 and 100, not {options.MaxAttempts}.");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(10))
            errors.Add($"{section}:{nameof(options.RetryBaseDelay)} must be between 0 and 00:10:00, not {options.RetryBaseDelay}.");
        foreach (var (key, value) in options.Settings)
        {
            if (!SettingName().IsMatch(key))
                errors.Add($"{section}:{nameof(options.Settings)}:{key} is not a ClickHouse setting name (letters, digits, underscore).");
            else if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
                errors.Add($"{section}:{nameof(options.Settings)}:{key} needs a value on one line.");
            else if (EngineQuerySettings.Pinned.TryGetValue(key, out var pinned) && value.Trim() != pinned)
                errors.Add($"{section}:{nameof(options.Settings)}:{key} = {value} cannot be used: the FIFO engine needs {key} = {pinned} " +
                           $"(a batch is read as one stream in table order); {section}:{nameof(options.Workers)} sets how many batches run at once.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex SettingName();
}
