using Fifo.Core.Options;
using Microsoft.Extensions.Options;

namespace Fifo.ClickHouse.Configuration;

internal sealed class FifoOptionsValidator : IValidateOptions<FifoOptions>
{
    public ValidateOptionsResult Validate(string? name, FifoOptions options) =>
        double.IsFinite(options.DustTokens) && options.DustTokens >= 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{FifoOptions.Section}:{nameof(options.DustTokens)} must be a finite number >= 0, got {options.DustTokens}.");
}
