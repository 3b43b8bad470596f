using ClickHouse.Driver.ADO;
using Fifo.ClickHouse.Connection;
using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Configuration;

/// <summary>Fails start-up with a message naming the bad "ClickHouse" setting instead of a driver error later.</summary>
internal sealed class ClickHouseOptionsValidator : IValidateOptions<ClickHouseOptions>
{
    public ValidateOptionsResult Validate(string? name, ClickHouseOptions options)
    {
        var failures = new List<string>();
        if (!TableNames.IdentifierPattern().IsMatch(options.Database))
            failures.Add($"{ClickHouseOptions.Section}:{nameof(options.Database)} = '{options.Database}' is not a plain identifier (letters, digits, underscore).");
        if (options.QueryTimeout <= TimeSpan.Zero)
            failures.Add($"{ClickHouseOptions.Section}:{nameof(options.QueryTimeout)} must be positive, got {options.QueryTimeout}.");
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                new ClickHouseClientSettings(options.ConnectionString).Validate();
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                // The message may quote the string; never echo it, it can hold a password.
                failures.Add($"{ClickHouseOptions.Section}:{nameof(options.ConnectionString)} is not a valid ClickHouse connection string: {e.GetType().Name}.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
